// Helpers to declare contract methods: name -> zod input/output (+ whether it writes and which
// roles may call it). Pure: the renderer imports the contract for types and client-side checks.
import type { z } from 'zod';

import type { Role } from '../model/roles.js';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Roles allowed to call; absent = every signed-in role. */
  roles?: Role[];
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

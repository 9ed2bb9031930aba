// Helpers to declare contract methods: name -> zod input/output, whether it writes, which roles
// may call it and where it may be called from. Pure: the renderer imports the contract for types
// and client-side checks.
import type { z } from 'zod';
import type { Role } from '../model/roles.js';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Roles allowed to call; absent = every signed-in role. */
  roles?: Role[];
  /** Changes data: the dispatcher writes an audit entry for every call (BIO 8.15.01). */
  writes?: boolean;
  /** 'self': the domain writes a richer audit entry itself (purged refs, batch files, who signed in). */
  audit?: 'self';
  /**
   * Reads or writes local files by path or streams to standard output: only the command line
   * (and in-process callers such as tests) may call it; the app's shells refuse it.
   */
  local?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

// Helpers to declare contract methods: name -> zod input/output, whether it writes, which roles
// may call it and where it may be called from. Pure: the renderer imports the contract for types
// and client-side checks.
import type { z } from 'zod';
import type { Role } from '../model/roles.js';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /**
   * Roles allowed to call: every method says so deliberately (ALL_ROLES from db/model/access.ts
   * for methods every signed-in role needs); test/unit/api/roles.test.ts pins the whole table.
   */
  roles: readonly Role[];
  /** May be called signed out (the sign-in screen: app.info, session.users, session.switch). */
  public?: boolean;
  /**
   * A read that is audited too (BIO 8.15.01, who saw what): opening a client's file, a BSN
   * lookup. A function decides per input (a search is a lookup only when its query is a BSN).
   */
  auditRead?: true | ((input: never) => boolean);
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

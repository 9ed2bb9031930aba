// Who is working in a shell. In a database without users, the operating-system account (or
// CASELOAD_USER) is its beheerder, as on the command line; once there are users the shell starts
// signed out and the person signs in (db/api/session.ts appSession, renderer/components/SignIn.tsx).
import { userInfo } from 'node:os';
import type { Session } from '../db/model/roles.js';
import { appSession } from '../db/api/session.js';
import type { Store } from '../db/api/host.js';

/** The session a shell starts with on this store: null = signed out (the sign-in screen). */
export function startSession(store: Store, env: NodeJS.ProcessEnv = process.env): Session | null {
  return appSession(store, localSession(env).user);
}

export function localSession(env: NodeJS.ProcessEnv = process.env): Session {
  let user = env.CASELOAD_USER || '';
  if (!user) {
    try {
      user = userInfo().username;
    } catch {
      user = '';
    }
  }
  user ||= 'gebruiker';
  return { user, name: user, role: 'beheerder' };
}

// Who is working in a shell. There is no sign-in yet: like the CLI, the shells use the
// operating-system account (or CASELOAD_USER) as the user written to the journal.
import { userInfo } from 'node:os';
import type { Session } from '../db/model/roles.js';

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

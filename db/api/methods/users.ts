// Users, roles, signing in and switching user (issues 3 and 12). The sign-in screen runs signed
// out: app.info, session.users and session.switch are `public`; everything else needs a session.
import { z } from 'zod';
import { method } from '../define.js';
import { ALL_ROLES } from '../../model/access.js';

const role = z.enum(['klantmanager', 'werkgeversadviseur', 'trajectmanager', 'manager', 'beheerder']);
const userItem = z.object({
  id: z.string(),
  ref: z.string(),
  display_name: z.string(),
  role,
  email: z.string().nullable(),
  active: z.boolean(),
  hasPin: z.boolean(),
});
const sessionOut = z.object({
  user: z.string(),
  name: z.string(),
  role,
  mustChangePassphrase: z.boolean().optional(),
});

export const userMethods = {
  /** All users for the beheerder's user screen (never the PIN hash). */
  'users.list': method({
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    output: z.object({ items: z.array(userItem) }),
    roles: ['beheerder'],
  }),
  'users.create': method({
    writes: true,
    input: z
      .object({
        display_name: z.string().trim().min(1).max(100),
        role,
        email: z.string().email().max(254).nullable().optional(),
        pin: z.string().max(200),
      })
      .strict(),
    output: z.object({ id: z.string(), ref: z.string() }),
    roles: ['beheerder'],
  }),
  /** Change name, role, e-mail, active, or set a new PIN. The last active beheerder cannot be removed. */
  'users.update': method({
    writes: true,
    input: z
      .object({
        id: z.string(),
        display_name: z.string().trim().min(1).max(100).optional(),
        role: role.optional(),
        email: z.string().email().max(254).nullable().optional(),
        active: z.boolean().optional(),
        pin: z.string().max(200).optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
    roles: ['beheerder'],
  }),
  /**
   * Colleagues to pick as account manager (intake, handover): the active users' names and roles,
   * for every signed-in role (never e-mail or passphrase data).
   */
  'users.colleagues': method({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) }),
    roles: ALL_ROLES,
  }),
  /** Who can sign in on this laptop (the sign-in screen): active users with a passphrase. */
  'session.users': method({
    roles: ALL_ROLES,
    public: true,
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ id: z.string(), ref: z.string(), display_name: z.string(), role })) }),
  }),
  /**
   * Sign in (or switch) as a user, by id, after verifying their passphrase; later calls run as
   * that user. Wrong passphrases lock the user (stored, db/users/sign-in.ts).
   */
  'session.switch': method({
    roles: ALL_ROLES,
    public: true,
    writes: true,
    audit: 'self',
    input: z.object({ user: z.string().min(1), pin: z.string().min(1).max(200) }).strict(),
    output: sessionOut,
  }),
  /** Sign out: later calls are refused until someone signs in. */
  'session.signOut': method({
    roles: ALL_ROLES,
    writes: true,
    input: z.object({}).strict(),
    output: z.object({ signedOut: z.boolean() }),
  }),
  /**
   * Set one's own passphrase: with the current one, or without it right after a sign-in that
   * requires a new one (or when the user has none yet).
   */
  'session.setPassphrase': method({
    roles: ALL_ROLES,
    writes: true,
    input: z.object({ current: z.string().max(200).optional(), passphrase: z.string().max(200) }).strict(),
    output: z.object({ ok: z.boolean() }),
  }),
};

// Users, roles and switching user on a shared laptop (issue 3, "Roles").
import { z } from 'zod';
import { method } from '../define.js';

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
const sessionOut = z.object({ user: z.string(), name: z.string(), role });

export const userMethods = {
  /** All users for the beheerder's user screen (never the PIN hash). */
  'users.list': method({
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    output: z.object({ items: z.array(userItem) }),
    roles: ['beheerder'],
  }),
  'users.create': method({
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
  /** Who can be switched to on this laptop (the "wissel gebruiker" screen): active users with a PIN. */
  'session.users': method({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ id: z.string(), ref: z.string(), display_name: z.string(), role })) }),
  }),
  /** Switch to another user (by id) after verifying their PIN/password; later calls run as that user. */
  'session.switch': method({
    input: z.object({ user: z.string().min(1), pin: z.string().min(1).max(200) }).strict(),
    output: sessionOut,
  }),
};

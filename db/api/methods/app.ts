import { z } from 'zod';
import { method } from '../define.js';
import { ALL_ROLES } from '../../model/access.js';

export const appMethods = {
  /** What the shell and first screen need: who and where we are, and whether the store is empty. */
  'app.info': method({
    roles: ALL_ROLES,
    public: true,
    input: z.object({}).strict(),
    output: z.object({
      device: z.string(),
      deviceName: z.string(),
      /** Null while signed out: the shell shows the sign-in screen. */
      user: z.object({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
      /** The signed-in user must set a new passphrase before anything else. */
      mustChangePassphrase: z.boolean(),
      /** The database has users: signing out (and in) means something. */
      hasUsers: z.boolean(),
      counts: z.object({ clients: z.number(), employers: z.number(), vacancies: z.number() }),
      empty: z.boolean(),
      /**
       * The methods the signed-in user's role may call (none while signed out): the UI hides what
       * the server would refuse without loading the contract's schemas (renderer/access.ts).
       */
      may: z.array(z.string()),
    }),
  }),
  /** Loads realistic synthetic demo data (offered on first start with an empty store). */
  'demo.load': method({
    writes: true,
    input: z
      .object({
        clients: z.number().int().min(1).max(2_000_000).default(300),
        seed: z.number().int().default(1),
        /** The day the generated history ends (default: today). */
        today: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
        contactsPerClient: z.number().min(0).max(100).optional(),
      })
      .strict(),
    output: z.object({ clients: z.number(), employers: z.number(), vacancies: z.number(), contacts: z.number() }),
    roles: ['beheerder'],
  }),
  'codes.list': method({
    roles: ALL_ROLES,
    input: z.object({}).strict(),
    output: z.record(z.string(), z.array(z.object({ code: z.string(), label: z.string() }))),
  }),
};

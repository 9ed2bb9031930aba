// The client dossier: timeline, caseload periods (intake, exit, re-entry) and measures.
import { z } from 'zod';
import { method } from '../define.js';
import { dateIn, exitReason, paging } from './inputs.js';
import { ALL_ROLES } from '../../model/access.js';

const CLIENT_ROLES = ['klantmanager', 'trajectmanager', 'manager', 'beheerder'] as const;
const timelineKind = z.enum([
  'intake',
  'measure',
  'contact',
  'activity',
  'match',
  'placement',
  'export',
  'exit',
  'change',
]);

const measureItem = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  date: z.string().nullable(),
  kind: z.string().nullable(),
  /** Masked (••••) for roles without need to know. */
  reason: z.string().nullable(),
  end_date: z.string().nullable(),
});

export const dossierMethods = {
  /** One timeline of contacts, activities, matches, placements, periods, measures, exports and changes; newest first, keyset paged. */
  'dossier.timeline': method({
    roles: ALL_ROLES,
    auditRead: true,
    input: z
      .object({
        clientId: z.string(),
        kinds: z.array(timelineKind).nullable().default(null),
        ...paging,
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({
      items: z.array(
        z.object({
          date: z.string(),
          kind: timelineKind,
          rank: z.number(),
          id: z.string(),
          entity: z.string(),
          title: z.string(),
          detail: z.string().nullable(),
          by: z.string().nullable(),
          fields: z
            .array(z.object({ field: z.string(), label: z.string(), old: z.unknown(), new: z.unknown() }))
            .optional(),
        }),
      ),
      next: z.string().nullable(),
    }),
  }),
  /** Intake: opens a caseload period (first intake or re-entry after an exit). Referrer and account manager required. */
  'clients.intake': method({
    writes: true,
    input: z
      .object({
        clientId: z.string(),
        intake_date: dateIn,
        referrer: z.enum(['social_team', 'uwv', 'school', 'urk', 'self', 'other']),
        /** The account manager as a user (the picker); `account_manager` (a name) for older callers. */
        account_manager_id: z.string().min(1).optional(),
        account_manager: z.string().trim().min(1).max(100).optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), periodId: z.string() }),
    roles: [...CLIENT_ROLES],
  }),
  /** Exit: closes the open caseload period; the reason is required. exit_date is the first day out. */
  'clients.exit': method({
    writes: true,
    input: z
      .object({
        clientId: z.string(),
        exit_date: dateIn,
        exit_reason: exitReason,
      })
      .strict(),
    output: z.object({ id: z.string(), periodId: z.string() }),
    roles: [...CLIENT_ROLES],
  }),
  /** Corrects the date or reason of the client's last exit; the note (why) is required and journaled. */
  'clients.exitCorrect': method({
    writes: true,
    input: z
      .object({
        clientId: z.string(),
        exit_date: dateIn,
        exit_reason: exitReason,
        note: z.string().max(2000),
      })
      .strict(),
    output: z.object({ id: z.string(), periodId: z.string() }),
    roles: [...CLIENT_ROLES],
  }),
  /** Undoes the client's last exit (back in the caseload); the note (why) is required and journaled. */
  'clients.exitUndo': method({
    writes: true,
    input: z.object({ clientId: z.string(), note: z.string().max(2000) }).strict(),
    output: z.object({ id: z.string(), periodId: z.string() }),
    roles: [...CLIENT_ROLES],
  }),
  /** Hands the client's current caseload period to another account manager from a date (kept in the period's history). */
  'clients.handover': method({
    writes: true,
    input: z
      .object({
        clientId: z.string(),
        /** The colleague as a user (the picker); `account_manager` (a name) for older callers. */
        account_manager_id: z.string().min(1).optional(),
        account_manager: z.string().trim().min(1).max(100).optional(),
        from_date: dateIn,
        note: z.string().max(2000).optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), periodId: z.string() }),
    roles: ['klantmanager', 'trajectmanager', 'manager', 'beheerder'],
  }),
  /**
   * Hands every client in one user's caseload to another user from a date, with a note. Managers
   * and beheerders for anyone; an account manager only their own caseload (checked in the handler).
   */
  'caseload.handover': method({
    writes: true,
    input: z
      .object({
        from_user_id: z.string().min(1),
        to_user_id: z.string().min(1),
        from_date: dateIn,
        note: z.string().max(2000).optional(),
      })
      .strict(),
    output: z.object({ count: z.number() }),
    roles: ['klantmanager', 'manager', 'beheerder'],
  }),
  'measures.list': method({
    roles: ALL_ROLES,
    input: z.object({ clientId: z.string() }).strict(),
    output: z.object({ items: z.array(measureItem) }),
  }),
  /** Creates (no id) or changes a measure (maatregel). */
  'measures.save': method({
    writes: true,
    input: z
      .object({
        clientId: z.string(),
        id: z.string().optional(),
        date: dateIn,
        kind: z.enum(['warning', 'reduction', 'other']),
        reason: z.string().max(2000).nullable().optional(),
        end_date: dateIn.nullable().optional(),
      })
      .strict(),
    output: z.object({ id: z.string() }),
    roles: ['klantmanager', 'manager', 'beheerder'],
  }),
  'measures.remove': method({
    writes: true,
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ id: z.string() }),
    roles: ['klantmanager', 'manager', 'beheerder'],
  }),
};

// The client's own file (AVG art. 15): every registration about one client as JSON, as the
// printable page, or as PDF. For a beheerder or the client's own account manager (the handler
// decides per client); every call, allowed or refused, is written to the audit log.
import { z } from 'zod';
import { method } from '../define.js';
import { ALL_ROLES } from '../../model/access.js';

export const ownFileMethods = {
  'clients.ownFile': method({
    // Every role reaches the handler, which allows only a beheerder or the client's account manager.
    roles: ALL_ROLES,
    auditRead: true,
    input: z.object({ clientId: z.string().min(1).max(100), format: z.enum(['json', 'html', 'pdf']) }).strict(),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};

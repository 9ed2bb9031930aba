// Who and which laptop, as people read them: the journal and the audit log keep ids (a signed-in
// user's id, a device id); history, timeline and the conflicts list show names.
import type { Store } from '../journal/store.js';

/** Display names of users and laptops, looked up once per call. */
export function namer(store: Store): { user(who: string): string | null; device(id: string): string | null } {
  // The journal names a signed-in user by id; entries from before did so by ref.
  const users = new Map<string, string | null>();
  for (const r of store.all(
    store.kysely.selectFrom('users').select(['id', 'ref', 'display_name']).where('deleted', '=', 0).orderBy('id'),
  )) {
    if (r.ref !== null && !users.has(r.ref)) users.set(r.ref, r.display_name);
    users.set(r.id, r.display_name);
  }
  const devices = new Map<string, string>([[store.device, store.getMeta('device_name') ?? '']]);
  // Names of the other laptops, as sync learned them from their device.json (db/sync).
  for (const r of store.all(
    store.kysely
      .selectFrom('sync_devices')
      .select(['device', 'name'])
      .where('name', 'is not', null)
      .$narrowType<{ name: string }>(),
  )) {
    if (!devices.has(r.device)) devices.set(r.device, r.name);
  }
  return { user: (who) => users.get(who) ?? null, device: (id) => devices.get(id) || null };
}

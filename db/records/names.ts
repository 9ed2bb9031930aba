// Who and which laptop, as people read them: the journal and the audit log keep ids (a signed-in
// user's id, a device id); history, timeline and the conflicts list show names.
import type { Store } from '../journal/store.js';

/** Display names of users and laptops, looked up once per call. */
export function namer(store: Store): { user(who: string): string | null; device(id: string): string | null } {
  // The journal names a signed-in user by id; entries from before did so by ref.
  const users = new Map<string, string>();
  for (const r of store.stmt('SELECT id, ref, display_name FROM users WHERE deleted = 0 ORDER BY id').all() as {
    id: string;
    ref: string;
    display_name: string;
  }[]) {
    if (!users.has(r.ref)) users.set(r.ref, r.display_name);
    users.set(r.id, r.display_name);
  }
  const devices = new Map<string, string>([[store.device, store.getMeta('device_name') ?? '']]);
  // Names of the other laptops, as sync learned them from their device.json (db/sync), when present.
  if (store.stmt("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_devices'").get()) {
    for (const r of store.stmt('SELECT device, name FROM sync_devices WHERE name IS NOT NULL').all() as {
      device: string;
      name: string;
    }[]) {
      if (!devices.has(r.device)) devices.set(r.device, r.name);
    }
  }
  return { user: (who) => users.get(who) ?? null, device: (id) => devices.get(id) || null };
}

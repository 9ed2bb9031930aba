// Roles enforced in the contract for every method (issue 12): the table below is the refusal
// matrix, written out by hand so a change to a method's roles must change this test too. Every
// method is called as every role through the real dispatcher on a real SQLite file, with an input
// that cannot pass validation: a role the table refuses gets `forbidden` (and an audit entry), a
// role it allows gets past the role check to the input check - no handler runs.
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../db/api/contract.js';
import { createApi } from '../../../db/api/dispatch.js';
import { ROLES, type Role } from '../../../db/model/roles.js';
import { tempStore } from '../helpers.js';
import { apiAs } from '../work/api.js';

// K klantmanager, W werkgeversadviseur, T trajectmanager, M manager, B beheerder; '-' refused.
const TABLE: Record<MethodName, string> = {
  'app.info': 'KWTMB', // public
  'demo.load': '----B',
  'codes.list': 'KWTMB',
  'clients.search': 'KWTMB',
  'clients.get': 'KWTMB',
  'clients.create': 'K-TMB',
  'clients.update': 'K-TMB',
  'clients.byBsn': 'K-T-B',
  'lists.file': 'KWTMB',
  'clients.ownFile': 'KWTMB', // the handler allows only a beheerder or the client's account manager
  'users.list': '----B',
  'users.create': '----B',
  'users.update': '----B',
  'users.colleagues': 'KWTMB',
  'session.users': 'KWTMB', // public
  'session.switch': 'KWTMB', // public
  'session.signOut': 'KWTMB',
  'session.setPassphrase': 'KWTMB',
  'employers.search': 'KWTMB',
  'employers.get': 'KWTMB',
  'employers.create': 'KW-MB',
  'employers.update': 'KW-MB',
  'employers.byKvk': 'KWTMB',
  'employers.saveContactPerson': 'KW-MB',
  'employers.removeContactPerson': 'KW-MB',
  'employers.saveSroi': '-W-MB',
  'employers.removeSroi': '-W-MB',
  'vacancies.list': 'KWTMB',
  'vacancies.get': 'KWTMB',
  'vacancies.create': 'KW-MB',
  'vacancies.update': 'KW-MB',
  'vacancies.close': 'KW-MB',
  'vacancies.overviewForClient': 'KWTMB',
  'matching.candidates': 'KWTMB',
  'matching.vacancies': 'KWTMB',
  'matches.propose': 'KWTMB',
  'matches.move': 'KWTMB',
  'matches.list': 'KWTMB',
  'placements.create': 'KWTMB',
  'placements.update': 'KWTMB',
  'placements.remove': 'KWTMB',
  'placements.list': 'KWTMB',
  'activities.list': 'KWTMB',
  'activities.create': 'K-TMB',
  'activities.update': 'K-TMB',
  'activities.remove': 'K-TMB',
  'contacts.list': 'KWTMB',
  'contacts.create': 'KWTMB',
  'contacts.update': 'KWTMB',
  'contacts.markDone': 'KWTMB',
  'contacts.remove': 'KWTMB',
  'mywork.get': 'KWTMB',
  'dossier.timeline': 'KWTMB',
  'clients.intake': 'K-TMB',
  'clients.exit': 'K-TMB',
  'clients.handover': 'K-TMB',
  'clients.exitCorrect': 'K-TMB',
  'clients.exitUndo': 'K-TMB',
  'caseload.handover': 'K--MB',
  'measures.list': 'KWTMB',
  'measures.save': 'K--MB',
  'measures.remove': 'K--MB',
  'audit.history': 'KWTMB',
  'retention.list': '---M-',
  'retention.purge': '---M-',
  'import.preview': '---MB',
  'import.commit': '---MB',
  'reports.list': 'KWTMB',
  'reports.run': 'KWTMB',
  'reports.records': 'KWTMB',
  'reports.file': 'KWTMB',
  'reports.deliver': '---MB',
  'archive.list': '---MB',
  'archive.verify': '---MB',
  'archive.changes': '---MB',
  'settings.get': 'KWTMB',
  'settings.save': '----B',
  'exports.overview': 'KWTMB',
  'exports.run': 'KWTMB',
  'exports.queue': 'KWTMB',
  'exports.entry': 'KWTMB',
  'exports.markEntered': 'KWTMB',
  'exports.recordStatus': 'KWTMB',
  'exports.profiles.list': 'KWTMB',
  'exports.profiles.get': 'KWTMB',
  'exports.profiles.save': '----B',
  'exports.profiles.retire': '----B',
  'exports.settings.get': 'KWTMB',
  'exports.settings.set': '----B',
  'sync.status': 'KWTMB',
  'sync.setup': 'KWTMB',
  'sync.run': 'KWTMB',
  'sync.conflicts': 'KWTMB',
  'sync.devices': 'KWTMB',
  'sync.removeDevice': '----B',
  'sync.resolveConflict': 'KWTMB',
  'app.init': 'KWTMB',
  'app.check': '----B',
  'data.dump': '----B',
  'import.file': '---MB',
  'search.records': 'KWTMB',
  'backup.list': '----B',
  'backup.create': '----B',
  'backup.inspect': '----B',
  'backup.stage': '----B',
  'backup.preview': '----B',
  'backup.restore': '----B',
};

const LETTER: Record<Role, string> = {
  klantmanager: 'K',
  werkgeversadviseur: 'W',
  trajectmanager: 'T',
  manager: 'M',
  beheerder: 'B',
};
const PUBLIC = ['app.info', 'session.users', 'session.switch'];
const methods = Object.keys(contract) as MethodName[];

describe('roles in the contract', () => {
  it('has a row in the table for every method, and no row for a method that is gone', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...methods].sort());
  });

  it('allows and refuses every method for every role exactly as the table says', async () => {
    const store = tempStore();
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const api = createApi(store, { user: `u-${role}`, name: role, role });
      for (const method of methods) {
        const allowed = TABLE[method][ROLES.indexOf(role)] === LETTER[role];
        const before = store.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
        const r = await api.call(method, 'geen object');
        const refused = !r.ok && r.error.code === 'forbidden';
        if (refused === allowed) mismatches.push(`${method} as ${role}: ${refused ? 'refused' : 'allowed'}`);
        if (refused) {
          const entry = store.db.prepare('SELECT actor, action, result FROM audit_log WHERE seq > ?').get(before);
          expect(entry).toEqual({ actor: `u-${role}`, action: method, result: 'refused' });
        } else expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("tells the UI through app.info which methods the user's role may call, and nothing while signed out", async () => {
    const store = tempStore();
    for (const role of ROLES) {
      const info = await apiAs(store, role, `u-${role}`, role).ok('app.info', {});
      const expected = methods.filter((m) => TABLE[m][ROLES.indexOf(role)] === LETTER[role]);
      expect([...info.may].sort(), role).toEqual(expected.sort());
    }
    const signedOut = await createApi(store, null).call('app.info', {});
    expect(signedOut).toMatchObject({ ok: true, value: { user: null, may: [] } });
  });

  it('refuses every role something (a role refusal per role)', () => {
    for (const role of ROLES) {
      const refused = methods.filter((m) => TABLE[m][ROLES.indexOf(role)] === '-');
      expect(refused.length, role).toBeGreaterThan(0);
    }
  });

  it('refuses everything but the sign-in screen while signed out', async () => {
    const store = tempStore();
    const api = createApi(store, null);
    for (const method of methods) {
      const r = await api.call(method, 'geen object');
      if (PUBLIC.includes(method)) expect(r, method).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      else expect(r, method).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    }
    expect(methods.filter((m) => contract[m].public).sort()).toEqual([...PUBLIC].sort());
  });
});

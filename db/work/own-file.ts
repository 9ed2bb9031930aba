// The client's own file (AVG art. 15, inzageverzoek): everything registered about one client -
// every field, each caseload period with its handovers, activities, contacts, placements,
// measures, matches (voordrachten) and what was delivered to WBS / GWS4all / VUM - as one JSON
// document and as a printable HTML page (PDF through Chromium like the reports). References are
// given as numbers and names, never as internal ids. Who may ask: a beheerder, or the client's
// own account manager (mayRequestOwnFile); the contract audits every call.
import type { Store } from '../journal/store.js';
import type { Role } from '../model/roles.js';
import { ENTITIES, type EntityName } from '../model/entities.js';
import { fromColumn } from '../journal/write.js';
import { AppError } from '../model/errors.js';
import { displayName } from '../model/person.js';
import { formatDateNl, formatMomentNl } from '../model/calendar.js';
import { CODE_LISTS } from '../model/codes.js';
import { RECORDS } from '../model/records.js';
import { escapeHtml } from '../reports/format/escape.js';
import { changesOf } from './history.js';
import { ENTITY_LABELS, fieldLabel } from './labels.js';

/** Who asks: the signed-in user's display name and role. */
export interface Asker {
  name: string;
  role: Role;
}

type Value = string | number | boolean | string[] | null;
export interface OwnFileSection {
  entity: EntityName | 'export_delivery';
  title: string;
  /** Field name -> Dutch label, in order. */
  labels: Record<string, string>;
  rows: Record<string, Value>[];
}
export interface OwnFile {
  title: string;
  client: { ref: string; name: string };
  made_on: string;
  made_by: string;
  sections: OwnFileSection[];
}

/**
 * Whether the session is the client's account manager: the account manager of the client's
 * current caseload period (the latest intake) is the session user's display name. The one place
 * that says so; switch it to the period's user id once periods carry one.
 */
export function isAccountManagerOf(store: Store, clientId: string, session: Pick<Asker, 'name'>): boolean {
  const current = store.first(
    store.kysely
      .selectFrom('caseload_periods')
      .select('account_manager')
      .where('client_id', '=', clientId)
      .where('deleted', '=', 0)
      .orderBy('intake_date', 'desc')
      .limit(1),
  );
  return !!current?.account_manager && current.account_manager.trim() === session.name.trim();
}

export function mayRequestOwnFile(store: Store, clientId: string, session: Asker): boolean {
  return session.role === 'beheerder' || isAccountManagerOf(store, clientId, session);
}

/** Dutch labels of coded fields (a field name that is also a code list, or the record's code list). */
function codeListOf(entity: EntityName, field: string): string | null {
  const byEntity: Record<string, string> = {
    'period.referrer': 'referrer',
    'period.exit_reason': 'exit_reason',
    'placement.kind': 'placement_kind',
    'activity.kind': 'activity_kind',
    'contact.kind': 'contact_kind',
    'measure.kind': 'measure_kind',
    'client.gender': 'gender',
    'client.target_groups': 'target_group',
  };
  return byEntity[`${entity}.${field}`] ?? null;
}

function label(entity: EntityName, field: string): string {
  if (entity === 'client' || entity === 'period') {
    const def = RECORDS.clients[field];
    if (def) return def.label;
  }
  return fieldLabel(entity, field);
}

/** The refs and names of records a row points to, for references instead of ids. */
function referenced(store: Store, table: 'employers' | 'vacancies' | 'placements', id: string): string | null {
  if (table === 'employers') {
    const r = store.first(store.kysely.selectFrom('employers').select(['ref', 'name']).where('id', '=', id));
    return r ? `${r.name ?? ''} (${r.ref ?? ''})` : null;
  }
  if (table === 'vacancies') {
    const r = store.first(store.kysely.selectFrom('vacancies').select(['ref', 'title']).where('id', '=', id));
    return r ? `${r.title ?? ''} (${r.ref ?? ''})` : null;
  }
  const r = store.first(store.kysely.selectFrom('placements').select(['ref']).where('id', '=', id));
  return r?.ref ?? null;
}

function section(store: Store, entity: EntityName, rows: Record<string, unknown>[]): OwnFileSection {
  const fields = Object.entries(ENTITIES[entity].fields).filter(([f]) => f !== 'client_id' && f !== 'merged_into');
  const labels: Record<string, string> = { ref: 'Nummer' };
  for (const [f] of fields) labels[f] = label(entity, f);
  const out = rows.map((row) => {
    const r: Record<string, Value> = { ref: (row.ref as string) ?? null };
    for (const [f, spec] of fields) {
      const v = fromColumn(spec, row[f]) as Value;
      if (spec.type === 'ref') {
        const table = spec.to === 'employer' ? 'employers' : spec.to === 'vacancy' ? 'vacancies' : 'placements';
        r[f] = typeof v === 'string' ? referenced(store, table, v) : null;
      } else r[f] = v;
    }
    return r;
  });
  return { entity, title: sectionTitle(entity), labels, rows: out };
}

function sectionTitle(entity: EntityName): string {
  const plural: Partial<Record<EntityName, string>> = {
    client: 'Persoonsgegevens en profiel',
    period: 'Caseloadperiodes',
    activity: 'Activiteiten',
    contact: 'Contactmomenten',
    placement: 'Plaatsingen',
    measure: 'Maatregelen',
    match: 'Voordrachten',
  };
  return plural[entity] ?? ENTITY_LABELS[entity] ?? entity;
}

export function ownFile(store: Store, clientId: string, session: Asker): OwnFile {
  const db = store.kysely;
  const client = store.first(db.selectFrom('clients').selectAll().where('id', '=', clientId).where('deleted', '=', 0));
  if (!client) throw new AppError('not_found', 'Klant niet gevonden', 'clientId');
  if (!mayRequestOwnFile(store, clientId, session))
    throw new AppError(
      'forbidden',
      'Alleen een beheerder of de klantmanager van deze klant mag het inzageverzoek uitvoeren.',
      'clientId',
    );
  const of = <T extends 'caseload_periods' | 'activities' | 'contacts' | 'placements' | 'measures' | 'matches'>(
    table: T,
    order: string,
  ) =>
    store.all(
      db
        .selectFrom(table as 'activities')
        .selectAll()
        .where('client_id', '=', clientId)
        .where('deleted', '=', 0)
        .orderBy(order as 'start_date')
        .orderBy('id'),
    ) as Record<string, unknown>[];
  const periods = of('caseload_periods', 'intake_date');
  const periodSection = section(store, 'period', periods);
  // Handovers: every change of a period's account manager, with when and by whom.
  periodSection.labels.handovers = 'Overdrachten';
  periods.forEach((p, i) => {
    const changes = changesOf(store, 'period', p.id as string, 'beheerder').filter((c) =>
      c.field.startsWith('account_manager'),
    );
    periodSection.rows[i]!.handovers = changes
      .filter((c) => c.old !== null)
      .map(
        (c) =>
          `${formatMomentNl(c.at)}: van ${String(c.old)} naar ${String(c.new)}${c.userName ? ` (door ${c.userName})` : ''}`,
      );
  });
  const recordIds = [clientId, ...periods.map((p) => p.id as string)];
  const activities = of('activities', 'start_date');
  const placements = of('placements', 'start_date');
  recordIds.push(...activities.map((a) => a.id as string), ...placements.map((p) => p.id as string));
  const deliveries = store.all(
    db
      .selectFrom('export_deliveries')
      .select(['target', 'entity', 'delivered_at', 'method', 'batch'])
      .where('record_id', 'in', recordIds)
      .where('deleted', '=', 0)
      .orderBy('delivered_at'),
  );
  const TARGETS: Record<string, string> = { wbs: 'WBS', gws: 'GWS4all', vum: 'VUM' };
  const name = displayName(client);
  return {
    title: `Inzage in eigen gegevens (AVG art. 15): ${name}`,
    client: { ref: client.ref ?? '', name },
    made_on: store.today(),
    made_by: session.name,
    sections: [
      section(store, 'client', [client]),
      periodSection,
      section(store, 'activity', activities),
      section(store, 'contact', of('contacts', 'date')),
      section(store, 'placement', placements),
      section(store, 'measure', of('measures', 'date')),
      section(store, 'match', of('matches', 'status_date')),
      {
        entity: 'export_delivery',
        title: 'Geleverd aan WBS, GWS4all en VUM',
        labels: { target: 'Systeem', entity: 'Gegevens', delivered_at: 'Geleverd op', method: 'Wijze', batch: 'Batch' },
        rows: deliveries.map((d) => ({
          target: TARGETS[d.target ?? ''] ?? d.target ?? null,
          entity: ENTITY_LABELS[(d.entity ?? '') as EntityName] ?? d.entity ?? null,
          delivered_at: d.delivered_at ?? null,
          method: d.method === 'entry' ? 'handmatig ingevoerd' : 'bestand',
          batch: d.batch ?? null,
        })),
      },
    ],
  };
}

/** A value as the printed page shows it: Dutch dates, code labels, ja/nee. */
function shown(entity: string, field: string, v: Value): string {
  if (v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  const list = codeListOf(entity as EntityName, field);
  const labelOfCode = (c: string) =>
    list ? ((CODE_LISTS as Record<string, Record<string, string>>)[list]?.[c] ?? c) : c;
  if (Array.isArray(v)) return v.map(labelOfCode).join(field === 'handovers' ? '; ' : ', ');
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateNl(v);
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatMomentNl(v);
  return labelOfCode(v);
}

/** The printable page: one table of fields per record, every section even when empty. */
export function ownFileHtml(file: OwnFile): string {
  const e = escapeHtml;
  const parts = file.sections.map((s) => {
    const body = s.rows.length
      ? s.rows
          .map(
            (r) =>
              `<table><tbody>${Object.entries(s.labels)
                .map(([f, l]) => `<tr><th scope="row">${e(l)}</th><td>${e(shown(s.entity, f, r[f] ?? null))}</td></tr>`)
                .join('')}</tbody></table>`,
          )
          .join('')
      : '<p class="none">Niets vastgelegd.</p>';
    return `<section><h2>${e(s.title)}</h2>${body}</section>`;
  });
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${e(file.title)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: Arial, sans-serif; font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.2em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: 0 0 0.8em; break-inside: avoid; }
th { text-align: left; width: 35%; font-weight: normal; color: #444; padding: 2px 6px; vertical-align: top; }
td { padding: 2px 6px; } tr:nth-child(even) { background: #f3f3f3; }
</style></head><body>
<h1>${e(file.title)}</h1>
<p>Klantnummer ${e(file.client.ref)} · gemaakt op ${e(formatDateNl(file.made_on))} door ${e(file.made_by)}</p>
${parts.join('\n')}
</body></html>`;
}

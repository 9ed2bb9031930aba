// What an export can read per record kind: the record's own fields plus those of the records it
// links to (`employer.kvk`, `client.bsn`, ...), the current caseload period of a client, and the
// target's own id once known (`target_id`, `client.target_id`). Profiles name these sources; the
// list comes from ENTITIES, so a field added to the model is available without code here.
// Special-category fields (AVG art. 9) are never a source: no export needs them.
import { inCaseloadOn } from '../../model/caseload.js';
import { displayName } from '../../model/person.js';
import { ENTITIES, fieldSpec, type EntityName, type FieldSpec } from '../../model/entities.js';
import { RECORDS, type RecordKind } from '../../model/records.js';
import { labelOf } from '../../model/codes.js';
import { fromColumn } from '../../journal/write.js';
import type { Store } from '../../journal/store.js';
import type { ExportKind } from '../../model/export-profiles.js';
import { sql } from 'kysely';
import { compiled, iterate, type CompiledQuery } from '../../records/compiled.js';

export const ENTITY_OF_KIND: Record<ExportKind, EntityName> = {
  vacancies: 'vacancy',
  employers: 'employer',
  clients: 'client',
  activities: 'activity',
  placements: 'placement',
  exits: 'period',
  jobseekers: 'client',
};

const PERIOD_FIELDS = ['intake_date', 'referrer', 'account_manager', 'exit_date', 'exit_reason'];

// Run once per exported record: compiled once (db/records/compiled.ts).
const CURRENT_PERIOD = compiled((db, clientId: string) =>
  db
    .selectFrom('caseload_periods')
    .select(['intake_date', 'referrer', 'account_manager', 'exit_date', 'exit_reason'])
    .where('client_id', '=', clientId)
    .where('deleted', '=', 0)
    .orderBy('intake_date', 'desc')
    .orderBy('id', 'desc')
    .limit(1),
);
const LIVE_ROW = new Map<EntityName, CompiledQuery<[string], Record<string, unknown>>>();
function liveRowOf(entity: EntityName): CompiledQuery<[string], Record<string, unknown>> {
  let q = LIVE_ROW.get(entity);
  if (!q) {
    const table = ENTITIES[entity].table;
    q = compiled((db, id: string) => db.selectFrom(table).selectAll().where('id', '=', id).where('deleted', '=', 0));
    LIVE_ROW.set(entity, q);
  }
  return q;
}
/** Links followed per kind: prefix -> entity (read through the `<prefix>_id` column). */
const LINKS: Record<ExportKind, Partial<Record<'client' | 'employer' | 'vacancy', EntityName>>> = {
  vacancies: { employer: 'employer' },
  employers: {},
  clients: {},
  jobseekers: {},
  activities: { client: 'client' },
  placements: { client: 'client', employer: 'employer', vacancy: 'vacancy' },
  exits: { client: 'client' },
};
const INTERCHANGE_OF: Partial<Record<EntityName, RecordKind>> = {
  client: 'clients',
  employer: 'employers',
  vacancy: 'vacancies',
  placement: 'placements',
  activity: 'activities',
};

export interface SourceRecord {
  kind: ExportKind;
  entity: EntityName;
  id: string;
  /** Readable key for manifests, messages and the queue (never personal data). */
  ref: string;
  /** Readable description for the app's screens (may hold a name: not for logs or files). */
  label: string;
  /** The account manager the record belongs to, for the queue's counts. */
  owner: string | null;
  values: Record<string, unknown>;
}

export interface SourceField {
  source: string;
  label: string;
}

const exportableCache = new Map<EntityName, [string, FieldSpec][]>();
function exportable(entity: EntityName): [string, FieldSpec][] {
  let fields = exportableCache.get(entity);
  if (!fields) {
    fields = (Object.entries(ENTITIES[entity].fields) as [string, FieldSpec][]).filter(
      ([name, spec]) => !spec.special && spec.type !== 'ref' && name !== 'merged_into' && name !== 'pin_hash',
    );
    exportableCache.set(entity, fields);
  }
  return fields;
}

function fieldLabel(entity: EntityName, field: string): string {
  const kind = INTERCHANGE_OF[entity];
  return (kind && RECORDS[kind][field]?.label) || (field === 'target_id' ? 'Id in het doelsysteem' : field);
}

function entityFields(entity: EntityName, prefix: string, withPeriod: boolean): SourceField[] {
  const p = prefix ? `${prefix}.` : '';
  const label = (f: string) => (prefix ? `${PREFIX_LABEL[prefix]}: ` : '') + fieldLabel(entity, f);
  const out: SourceField[] = [{ source: `${p}ref`, label: label('ref') }];
  for (const [name] of exportable(entity)) out.push({ source: `${p}${name}`, label: label(name) });
  if (withPeriod) for (const f of PERIOD_FIELDS) out.push({ source: `${p}${f}`, label: label(f) });
  out.push({ source: `${p}target_id`, label: label('target_id') });
  return out;
}
const PREFIX_LABEL: Record<string, string> = { client: 'Klant', employer: 'Werkgever', vacancy: 'Vacature' };

/** Every source a profile of this kind may name, with a Dutch label (profile editor, validation). */
export function sourceFields(kind: ExportKind): SourceField[] {
  const entity = ENTITY_OF_KIND[kind];
  const own =
    entity === 'period'
      ? [
          ...PERIOD_FIELDS.map((f) => ({ source: f, label: fieldLabel('client', f) })),
          { source: 'target_id', label: fieldLabel('client', 'target_id') },
        ]
      : entityFields(entity, '', entity === 'client');
  const linked = Object.entries(LINKS[kind]).flatMap(([prefix, e]) => entityFields(e!, prefix, e === 'client'));
  return [...own, ...linked];
}

/** Looks up the target's own id of a linked record (e.g. the GWS client number for an activity). */
export type TargetIdLookup = (entity: EntityName, id: string) => string | null;

/** Reads every live record of a kind as source values, in ref order. */
/** Fields every record needs whatever the profile: its description, owner and caseload dates. */
const ALWAYS = [
  'ref',
  'title',
  'name',
  'first_name',
  'initials',
  'name_prefix',
  'last_name',
  'kind',
  'exit_reason',
  'account_manager',
  'intake_date',
  'exit_date',
];

interface FieldPlan {
  fields: { name: string; spec: FieldSpec; key: string }[];
  period: { name: string; key: string }[];
  ref: string | null;
  targetId: string | null;
}

/** Which columns of an entity to flatten under a prefix: only those a profile names (or all). */
function fieldPlan(e: EntityName, prefix: string, needed: Set<string> | undefined): FieldPlan {
  const p = prefix ? `${prefix}.` : '';
  const want = (name: string) => !needed || needed.has(`${p}${name}`) || ALWAYS.includes(name);
  return {
    fields: exportable(e)
      .filter(([name]) => want(name))
      .map(([name, spec]) => ({ name, spec, key: `${p}${name}` })),
    period: e === 'client' ? PERIOD_FIELDS.filter(want).map((name) => ({ name, key: `${p}${name}` })) : [],
    ref: want('ref') ? `${p}ref` : null,
    targetId: want('target_id') ? `${p}target_id` : null,
  };
}

/**
 * Reads every live record of a kind as source values, in ref order. `needed` (the sources a
 * profile names) limits the work to those fields; without it every source is read (VUM).
 */
export function* readSources(
  store: Store,
  kind: ExportKind,
  targetId: TargetIdLookup,
  today: string,
  onlyId?: string,
  needed?: Set<string>,
): Generator<SourceRecord> {
  const entity = ENTITY_OF_KIND[kind];
  const table = ENTITIES[entity].table;
  const rows: IterableIterator<Record<string, unknown>> = iterate(
    store,
    store.kysely
      .selectFrom(table)
      .selectAll()
      .where(sql.ref('deleted'), '=', 0)
      .$if(onlyId !== undefined, (q) => q.where(sql.ref('id'), '=', onlyId))
      .$if(entity === 'client', (q) => q.where(sql.ref('merged_into'), 'is', null))
      .$if(kind === 'exits', (q) =>
        q
          .where(sql.ref('exit_date'), 'is not', null)
          .where(
            sql.ref('client_id'),
            'in',
            store.kysely.selectFrom('clients').select('id').where('deleted', '=', 0).where('merged_into', 'is', null),
          ),
      )
      .orderBy(sql.ref('ref'))
      .orderBy(sql.ref('id')),
  );
  // Linked records (the client of many activities, the employer of many vacancies) are read and
  // flattened once per prefix; the cache is bounded so 100,000 clients do not all stay in memory.
  const linked = new Map<string, Record<string, unknown> | null>();
  const linkedValues = (e: EntityName, prefix: string, id: unknown): Record<string, unknown> | null => {
    if (typeof id !== 'string') return null;
    const key = `${prefix}:${id}`;
    let hit = linked.get(key);
    if (hit === undefined) {
      if (linked.size > 20_000) linked.clear();
      const row: Record<string, unknown> | undefined = liveRowOf(e).first(store, id);
      hit = null;
      if (row) put((hit = {}), e, row, prefix);
      linked.set(key, hit);
    }
    return hit;
  };
  const plans = new Map<string, FieldPlan>();
  const put = (out: Record<string, unknown>, e: EntityName, row: Record<string, unknown>, prefix: string) => {
    let plan = plans.get(prefix);
    if (!plan) plans.set(prefix, (plan = fieldPlan(e, prefix, needed)));
    if (plan.ref) out[plan.ref] = row.ref ?? null;
    for (const f of plan.fields) out[f.key] = fromColumn(f.spec, row[f.name]);
    if (plan.period.length) {
      const period: Record<string, unknown> = CURRENT_PERIOD.first(store, row.id as string) ?? {};
      for (const f of plan.period) out[f.key] = period[f.name] ?? null;
    }
    if (plan.targetId) out[plan.targetId] = targetId(e, row.id as string);
  };
  for (const row of rows) {
    const values: Record<string, unknown> = {};
    if (entity === 'period') {
      for (const f of PERIOD_FIELDS) values[f] = fromColumn(fieldSpec('period', f)!, row[f]);
      values.target_id = targetId('period', row.id as string);
    } else put(values, entity, row, '');
    for (const [prefix, e] of Object.entries(LINKS[kind])) {
      const flat = linkedValues(e!, prefix, row[`${prefix}_id`]);
      if (flat) Object.assign(values, flat);
    }
    if (
      kind === 'jobseekers' &&
      !inCaseloadOn(
        { intake_date: (values.intake_date as string) ?? null, exit_date: (values.exit_date as string) ?? null },
        today,
      )
    )
      continue;
    const clientRef = (values['client.ref'] as string | null) ?? '';
    const ref = kind === 'exits' ? `${clientRef}/${String(values.exit_date)}` : String(row.ref ?? row.id);
    yield {
      kind,
      entity,
      id: row.id as string,
      ref,
      label: describe(kind, values),
      owner: (values.account_manager ??
        values['client.account_manager'] ??
        values['employer.account_manager'] ??
        null) as string | null,
      values,
    };
  }
}

function personName(v: Record<string, unknown>, p: string): string {
  return displayName({
    first_name: v[`${p}first_name`],
    initials: v[`${p}initials`],
    name_prefix: v[`${p}name_prefix`],
    last_name: v[`${p}last_name`],
  });
}

function describe(kind: ExportKind, v: Record<string, unknown>): string {
  switch (kind) {
    case 'vacancies':
      return `${String(v.title ?? '')}${v['employer.name'] ? ` bij ${String(v['employer.name'])}` : ''}`;
    case 'employers':
      return String(v.name ?? '');
    case 'clients':
    case 'jobseekers':
      return personName(v, '');
    case 'activities':
      return `${labelOf('activity_kind', String(v.kind ?? ''))} - ${personName(v, 'client.')}`;
    case 'placements':
      return `${labelOf('placement_kind', String(v.kind ?? ''))} bij ${String(v['employer.name'] ?? '')} - ${personName(v, 'client.')}`;
    case 'exits':
      return `${labelOf('exit_reason', String(v.exit_reason ?? ''))} - ${personName(v, 'client.')}`;
  }
}

// Writes interchange records (CONTRACTS.md) into the entity tables through the journal.
// One function per kind knows how its record maps to rows: a client record spans the clients
// row and its current caseload period; *_ref fields become ids. Used by import, the API and demo.
import { sql } from 'kysely';
import { AppError } from '../model/errors.js';
import type { Value, Writer } from '../journal/write.js';
import { ENTITIES, type EntityName } from '../model/entities.js';
import { RECORDS, type Parsed, type RecordKind } from '../model/records.js';
import type { Store } from '../journal/store.js';
import { formerRefs, hashRef, nextSeriesRef, resolveRef } from './refs.js';
import { compiled, type CompiledQuery } from './compiled.js';
import { nameKey, userIndex } from './account-managers.js';

export type RecordValues = Record<string, Parsed | undefined>;
export interface UpsertResult {
  id: string;
  ref: string;
  created: boolean;
  changed: string[];
}

export const ENTITY_OF: Record<RecordKind, EntityName> = {
  clients: 'client',
  employers: 'employer',
  vacancies: 'vacancy',
  placements: 'placement',
  activities: 'activity',
  contacts: 'contact',
};

const PERIOD_FIELDS = ['intake_date', 'referrer', 'account_manager', 'exit_date', 'exit_reason'] as const;

// Import runs these once per record: compiled once (./compiled.ts).
const CLIENTS_BY_BSN = compiled((db, bsn: string) =>
  db
    .selectFrom('clients')
    .select(['id', 'ref'])
    .where('bsn', '=', bsn)
    .where('deleted', '=', 0)
    .where('merged_into', 'is', null)
    .orderBy('id'),
);
const PERIODS_OF = compiled((db, clientId: string) =>
  db
    .selectFrom('caseload_periods')
    .select(['id', 'intake_date', 'referrer', 'account_manager', 'exit_date', 'exit_reason'])
    .where('client_id', '=', clientId)
    .where('deleted', '=', 0)
    .orderBy('intake_date')
    .orderBy('id'),
);
type PeriodRow = ReturnType<typeof PERIODS_OF.all>[number];
const EMPLOYERS_BY_KVK = compiled((db, kvk: string) =>
  db.selectFrom('employers').select('id').where('kvk', '=', kvk).where('deleted', '=', 0).orderBy('id'),
);
const LIVE_ID = new Map<EntityName, CompiledQuery<[string], { live: number }>>();

/** Where an upsert writes: a record resolved by the caller, and links already resolved to ids. */
export interface UpsertTarget {
  /** The live record to update. Absent: resolve the record's ref (or BSN/KvK), else create it. */
  id?: string;
  /** Link fields as ids (`client_id`, `employer_id`, ...): these win over the record's `*_ref` values. */
  links?: Record<string, string | null>;
}

export class RecordWriter {
  /** Account managers' names -> user ids, read once per writer (an import reads it once). */
  private users: Map<string, string | null> | null = null;

  constructor(
    private readonly store: Store,
    private readonly w: Writer,
  ) {}

  /** The live client with this BSN (merged registrations excluded); refuses when two have it. */
  clientByBsn(bsn: string): { id: string; ref: string | null } | null {
    const rows = CLIENTS_BY_BSN.all(this.store, bsn);
    if (rows.length > 1) {
      throw new AppError(
        'ambiguous_bsn',
        `BSN hoort bij meer dan één klant (${rows.map((r) => r.ref).join(', ')}): synchroniseer eerst`,
        'bsn',
      );
    }
    return rows[0] ?? null;
  }

  periods(clientId: string): PeriodRow[] {
    return PERIODS_OF.all(this.store, clientId);
  }

  /** Whether this database has users at all (without any, account managers are names only). */
  hasUsers(): boolean {
    this.users ??= userIndex(this.store);
    return this.users.size > 0;
  }

  /** The user an account manager's name stands for (case- and space-insensitive), or null. */
  accountManagerId(name: string | null): string | null {
    if (!name) return null;
    this.users ??= userIndex(this.store);
    return this.users.get(nameKey(name)) ?? null;
  }

  upsert(kind: RecordKind, values: RecordValues, target: UpsertTarget = {}): UpsertResult {
    if (target.id) liveId(this.store, ENTITY_OF[kind], target.id);
    switch (kind) {
      case 'clients':
        return this.upsertClient(values, target);
      case 'employers':
        return this.upsertEmployer(values, target);
      default:
        return this.upsertLinked(kind, values, target);
    }
  }

  private requireOnCreate(kind: RecordKind, values: RecordValues, links: Record<string, unknown> = {}): void {
    for (const [field, def] of Object.entries(RECORDS[kind])) {
      const linked = field.endsWith('_ref') && links[field.replace(/_ref$/, '_id')];
      if (def.required && !linked && (values[field] === undefined || values[field] === null)) {
        throw new AppError('invalid_input', 'is verplicht', field);
      }
    }
  }

  private pick(values: RecordValues, skip: readonly string[]): Record<string, Value> {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || skip.includes(k) || k.endsWith('_ref') || k === 'ref') continue;
      out[k] = v;
    }
    return out;
  }

  private upsertClient(values: RecordValues, target: UpsertTarget): UpsertResult {
    const ref = values.ref as string | undefined;
    const bsn = values.bsn as string | null | undefined;
    let id = target.id ?? (ref ? resolveRef(this.store, 'client', ref) : null);
    if (bsn) {
      const other = this.clientByBsn(bsn);
      if (other && id && other.id !== id) {
        const renumbered = ref && !target.id && formerRefs(this.store, 'client', other.id).includes(ref);
        throw new AppError(
          'duplicate_bsn',
          renumbered
            ? `nummer ${ref} is nu van een andere klant; de klant met dit BSN heeft nu nummer ${other.ref}`
            : `BSN is al geregistreerd bij klant ${other.ref}`,
          'bsn',
          { id: other.id, ref: other.ref },
        );
      }
      if (other && !id) {
        if (ref)
          throw new AppError('duplicate_bsn', `BSN is al geregistreerd bij klant ${other.ref}`, 'bsn', {
            id: other.id,
            ref: other.ref,
          });
        id = other.id;
      }
    }
    const created = !id;
    if (created) this.requireOnCreate('clients', values);
    const clientFields = this.pick(values, PERIOD_FIELDS);
    let finalRef: string;
    let changed: string[];
    if (created) {
      finalRef = ref ?? nextSeriesRef(this.store, 'client');
      id = this.w.create('client', { ref: finalRef, ...clientFields, created: this.store.today() });
      changed = Object.keys(clientFields);
    } else {
      changed = this.w.update('client', id!, clientFields);
      finalRef = this.w.row('client', id!)!.ref as string;
    }
    changed.push(...this.upsertPeriod(id!, values));
    return { id: id!, ref: finalRef, created, changed };
  }

  /** Applies the period fields of a client record to its current period (CONTRACTS.md). */
  private upsertPeriod(clientId: string, values: RecordValues): string[] {
    const given = PERIOD_FIELDS.filter((f) => values[f] !== undefined);
    if (!given.length) return [];
    const periods = this.periods(clientId);
    const current = periods[periods.length - 1];
    const intake = values.intake_date as string | null | undefined;
    // A period with the same intake date is the one meant; an intake after the current period's
    // exit opens a new period (re-entry); anything else corrects the current period.
    const same = intake ? periods.find((p) => p.intake_date === intake) : undefined;
    const opensNew = !same && (!current || Boolean(intake && current.exit_date && intake > current.exit_date));
    const target = same ?? current;
    const merged: Record<string, string | null> = {};
    for (const f of PERIOD_FIELDS)
      merged[f] = values[f] !== undefined ? (values[f] as string | null) : opensNew ? null : target![f];
    if (!merged.intake_date)
      throw new AppError('invalid_input', 'is verplicht voor een caseloadperiode', 'intake_date');
    if (merged.exit_date && merged.exit_date < merged.intake_date) {
      throw new AppError('invalid_input', 'ligt voor de instroomdatum', 'exit_date');
    }
    if (merged.exit_date && !merged.exit_reason)
      throw new AppError('invalid_input', 'is verplicht bij uitstroom', 'exit_reason');
    if (merged.exit_reason && !merged.exit_date)
      throw new AppError('invalid_input', 'is verplicht bij een reden uitstroom', 'exit_date');
    if (opensNew) {
      if (current && !current.exit_date)
        throw new AppError('invalid_input', 'de lopende periode is nog niet beëindigd', 'intake_date');
      const fields: Record<string, Value> = { client_id: clientId };
      for (const f of PERIOD_FIELDS) if (merged[f] !== null) fields[f] = merged[f]!;
      const manager = this.accountManagerId(merged.account_manager ?? null);
      if (manager) fields.account_manager_id = manager;
      this.w.create('period', { ref: hashRef('period', [clientId, merged.intake_date]), ...fields });
      return [...given];
    }
    const patch: Record<string, Value> = {};
    for (const f of given) patch[f] = merged[f]!;
    // The user follows the name (kept in step at every write).
    if ('account_manager' in patch) patch.account_manager_id = this.accountManagerId(merged.account_manager ?? null);
    return this.w.update('period', target!.id, patch).filter((f) => f !== 'account_manager_id');
  }

  /** The live employer with this KvK number; refuses when several have it. */
  employerByKvk(kvk: string): string | null {
    const ids = EMPLOYERS_BY_KVK.all(this.store, kvk).map((r) => r.id);
    if (ids.length > 1)
      throw new AppError(
        'ambiguous_kvk',
        'KvK-nummer hoort bij meer dan één werkgever: gebruik het nummer (ref)',
        'kvk',
      );
    return ids[0] ?? null;
  }

  private upsertEmployer(values: RecordValues, target: UpsertTarget): UpsertResult {
    const ref = values.ref as string | undefined;
    let id = target.id ?? (ref ? resolveRef(this.store, 'employer', ref) : null);
    if (!id && !ref && values.kvk) id = this.employerByKvk(values.kvk as string);
    const fields = this.pick(values, []);
    if (!id) {
      this.requireOnCreate('employers', values);
      const newRef = ref ?? nextSeriesRef(this.store, 'employer');
      id = this.w.create('employer', { ref: newRef, ...fields });
      return { id, ref: newRef, created: true, changed: Object.keys(fields) };
    }
    const changed = this.w.update('employer', id, fields);
    return { id, ref: this.w.row('employer', id)!.ref as string, created: false, changed };
  }

  private resolveLink(kind: RecordKind, field: string, ref: string | null | undefined): string | null | undefined {
    if (ref === undefined || ref === null) return ref;
    const to = RECORDS[kind][field]!.refTo!;
    const id = resolveRef(this.store, ENTITY_OF[to], ref, field);
    if (!id)
      throw new AppError('invalid_input', `onbekende ${RECORDS[kind][field]!.label.toLowerCase()} '${ref}'`, field);
    return id;
  }

  private upsertLinked(kind: RecordKind, values: RecordValues, target: UpsertTarget): UpsertResult {
    const entity = ENTITY_OF[kind];
    const links: Record<string, string | null | undefined> = {};
    for (const field of Object.keys(RECORDS[kind])) {
      if (!field.endsWith('_ref') || field === 'ref') continue;
      const idField = field.replace(/_ref$/, '_id');
      links[idField] =
        target.links && idField in target.links
          ? target.links[idField]
          : this.resolveLink(kind, field, values[field] as string | null | undefined);
    }
    let ref = values.ref as string | undefined;
    let id = target.id ?? (ref ? resolveRef(this.store, entity, ref) : null);
    if (kind === 'contacts' && !id) {
      const hasClient = Boolean(links.client_id);
      const hasEmployer = Boolean(links.employer_id);
      if (hasClient === hasEmployer) {
        throw new AppError(
          'invalid_input',
          'geef precies één van client_ref of employer_ref',
          hasClient ? 'employer_ref' : 'client_ref',
        );
      }
    }
    if (!ref && !id) {
      ref = hashRef(entity, naturalKey(kind, values));
      id = resolveRef(this.store, entity, ref);
    }
    const fields: Record<string, Value> = { ...this.pick(values, []) };
    for (const [k, v] of Object.entries(links)) if (v !== undefined) fields[k] = v;
    if (!id) {
      this.requireOnCreate(kind, values, links);
      checkDateOrder(values);
      id = this.w.create(entity, { ref: ref!, ...fields });
      return { id, ref: ref!, created: true, changed: Object.keys(fields) };
    }
    const row = this.w.row(entity, id)!;
    checkDateOrder({ start_date: row.start_date as string | null, end_date: row.end_date as string | null, ...values });
    return { id, ref: row.ref as string, created: false, changed: this.w.update(entity, id, fields) };
  }
}

/** Refuses an id that is not a live record of the entity. */
function liveId(store: Store, entity: EntityName, id: string): void {
  let live = LIVE_ID.get(entity);
  if (!live) {
    const table = ENTITIES[entity].table;
    live = compiled((db, rowId: string) =>
      db
        .selectFrom(table)
        .select(sql<number>`1`.as('live'))
        .where('id', '=', rowId)
        .where('deleted', '=', 0),
    );
    LIVE_ID.set(entity, live);
  }
  const ok = live.first(store, id);
  if (!ok) throw new AppError('not_found', 'Niet gevonden', 'id');
}

function checkDateOrder(values: RecordValues): void {
  const start = (values.start_date ?? values.opened_date) as string | null | undefined;
  const end = (values.end_date ?? values.closed_date) as string | null | undefined;
  if (start && end && end < start) {
    throw new AppError(
      'invalid_input',
      'ligt voor de startdatum',
      values.end_date !== undefined ? 'end_date' : 'closed_date',
    );
  }
}

function naturalKey(kind: RecordKind, v: RecordValues): (string | null | undefined)[] {
  const s = (x: unknown) => (x === undefined || x === null ? null : String(x));
  switch (kind) {
    case 'vacancies':
      return [s(v.employer_ref), s(v.title), s(v.opened_date)];
    case 'placements':
      return [s(v.client_ref), s(v.employer_ref), s(v.start_date)];
    case 'activities':
      return [s(v.client_ref), s(v.kind), s(v.start_date)];
    default:
      return [s(v.client_ref), s(v.employer_ref), s(v.date), s(v.kind), s(v.summary)];
  }
}

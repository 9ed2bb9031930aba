// The synced entities and their fields: one registry that the schema, the journal write layer,
// sync apply, dump and audit views all read. A field not listed here cannot be written.
//
// Field types describe how a value is stored: text and date as TEXT (dates ISO YYYY-MM-DD),
// int/bool as INTEGER (bool 0/1), real as REAL, list as a JSON array in TEXT (sorted, unique).

export type FieldType = 'text' | 'date' | 'int' | 'real' | 'bool' | 'list' | 'ref';

export interface FieldSpec {
  type: FieldType;
  /** For `ref` fields: the entity the id points to. */
  to?: string;
  /** Personal data (AVG): never logged, masked in audit views for roles without need to know. */
  personal?: boolean;
  /** Special category data (AVG art. 9: health, work limitations). */
  special?: boolean;
  /** Key field: a concurrent edit with a different value becomes a conflict for a person (SYNC.md). */
  key?: boolean;
}

export interface EntitySpec {
  table: string;
  /** Prefix of generated refs. */
  refPrefix: string;
  fields: Record<string, FieldSpec>;
}

// The helpers keep each field's type as a literal, so db/store/schema.ts can derive the typed
// Kysely tables from this registry.
type Extra = Omit<Partial<FieldSpec>, 'type'>;
const spec =
  <T extends FieldType>(type: T) =>
  (extra: Extra = {}) => ({ ...extra, type });
const t = spec('text');
const d = spec('date');
const i = spec('int')();
const r = spec('real')();
const b = spec('bool')();
const l = spec('list');
const ref = (to: string, extra: Extra = {}) => ({ ...extra, type: 'ref' as const, to });

export const ENTITIES = {
  user: {
    table: 'users',
    refPrefix: 'U',
    fields: { display_name: t(), role: t(), email: t(), pin_hash: t(), active: b },
  },
  client: {
    table: 'clients',
    refPrefix: 'K',
    fields: {
      bsn: t({ personal: true, key: true }),
      initials: t({ personal: true }),
      first_name: t({ personal: true, key: true }),
      name_prefix: t({ personal: true }),
      last_name: t({ personal: true, key: true }),
      birth_date: d({ personal: true, key: true }),
      gender: t(),
      phone: t({ personal: true }),
      email: t({ personal: true }),
      street: t({ personal: true }),
      house_number: t({ personal: true }),
      postcode: t({ personal: true }),
      city: t(),
      education_level: t(),
      work_thinking_level: t(),
      driving_licence: l(),
      transport: l(),
      hours_available: r,
      occupations_wanted: l(),
      sectors: l(),
      competences: l(),
      languages: l(),
      work_limitations: t({ personal: true, special: true }),
      target_groups: l(),
      banenafspraak_status: t(),
      banenafspraak_checked: d(),
      max_travel_km: i,
      merged_into: ref('client'),
      created: d(),
      /** Benefit status (uitkering, code list benefit_status): the 25% target counts benefit recipients. */
      benefit_status: t(),
    },
  },
  period: {
    table: 'caseload_periods',
    refPrefix: 'P',
    fields: {
      client_id: ref('client'),
      intake_date: d({ key: true }),
      referrer: t(),
      account_manager: t(),
      exit_date: d({ key: true }),
      exit_reason: t({ key: true }),
      /** The same period registered twice (same-person merge, db/sync/merge.ts): the one it was folded into. */
      merged_into: ref('period'),
      /** The account manager as a user; account_manager keeps the display name (exports, contract). */
      account_manager_id: ref('user'),
      /** Why the exit was corrected or undone (issue 13): written with the change, so the history says why. */
      exit_note: t(),
    },
  },
  measure: {
    table: 'measures',
    refPrefix: 'M',
    fields: { client_id: ref('client'), date: d(), kind: t(), reason: t({ personal: true }), end_date: d() },
  },
  employer: {
    table: 'employers',
    refPrefix: 'W',
    fields: {
      name: t({ key: true }),
      kvk: t({ key: true }),
      street: t(),
      house_number: t(),
      postcode: t(),
      city: t(),
      sector: t(),
      account_holder: t(),
      exceptional_since: d(),
      account_manager: t(),
      contact_name: t({ personal: true }),
      contact_phone: t({ personal: true }),
      contact_email: t({ personal: true }),
    },
  },
  contact_person: {
    table: 'contact_persons',
    refPrefix: 'CP',
    fields: {
      employer_id: ref('employer'),
      name: t({ personal: true }),
      role: t(),
      phone: t({ personal: true }),
      email: t({ personal: true }),
    },
  },
  sroi: {
    table: 'sroi_obligations',
    refPrefix: 'S',
    fields: { employer_id: ref('employer'), contract: t(), amount: r, unit: t(), start_date: d(), end_date: d() },
  },
  vacancy: {
    table: 'vacancies',
    refPrefix: 'V',
    fields: {
      employer_id: ref('employer'),
      title: t({ key: true }),
      occupation_code: t(),
      hours_per_week: r,
      positions: i,
      opened_date: d(),
      closed_date: d(),
      close_reason: t(),
      banenafspraak: b,
      description: t(),
      source: t(),
      education_level: t(),
      work_thinking_level: t(),
      driving_licence: l(),
      postcode: t(),
      city: t(),
      closing_date: d(),
      hours_min: r,
      contract_kind: t(),
      sector: t(),
      competences: l(),
    },
  },
  match: {
    table: 'matches',
    refPrefix: 'MA',
    fields: {
      client_id: ref('client'),
      vacancy_id: ref('vacancy'),
      status: t(),
      status_date: d(),
      score: r,
      note: t(),
    },
  },
  placement: {
    table: 'placements',
    refPrefix: 'PL',
    fields: {
      client_id: ref('client'),
      employer_id: ref('employer'),
      vacancy_id: ref('vacancy'),
      start_date: d({ key: true }),
      end_date: d({ key: true }),
      kind: t({ key: true }),
      hours_per_week: r,
      wage_subsidy: b,
      job_coach: t(),
      wage_value: r,
      end_reason: t(),
    },
  },
  activity: {
    table: 'activities',
    refPrefix: 'A',
    fields: {
      client_id: ref('client'),
      kind: t(),
      provider: t(),
      start_date: d(),
      end_date: d(),
      outcome: t(),
    },
  },
  contact: {
    table: 'contacts',
    refPrefix: 'C',
    fields: {
      client_id: ref('client'),
      employer_id: ref('employer'),
      date: d(),
      kind: t(),
      summary: t({ personal: true }),
      follow_up_date: d(),
      by: t(),
      follow_up_done: d(),
      purpose: t(),
      placement_id: ref('placement'),
    },
  },
  /** A retention purge, carried to other laptops: the id is a hash of entity + row id (db/retention/purge.ts). */
  purge_marker: {
    table: 'purge_markers',
    refPrefix: 'X',
    fields: { entity: t(), purged_on: d() },
  },
  /** An export profile a beheerder adjusted (db/exchange/export/profiles.ts); ref = profile id. */
  export_profile: {
    table: 'export_profiles',
    refPrefix: 'EP',
    fields: { target: t(), kind: t(), name: t(), version: i, based_on: t(), definition: t(), active: b },
  },
  /** Last delivery of one record to one target (EXPORTS.md 2); id derived from target + record. */
  export_delivery: {
    table: 'export_deliveries',
    refPrefix: 'ED',
    fields: {
      target: t(),
      entity: t(),
      record_id: t(),
      hash: t(),
      columns: t(),
      delivered_at: t(),
      method: t(),
      batch: t(),
      profile: t(),
      target_id: t(),
    },
  },
  /**
   * A report as delivered (issue 14, CONTRACTS.md "Reproducible"): its parameters and the day its
   * defaults were resolved on, who delivered it when, the sha256 of the json, the knowledge vector
   * it was made under (db/journal/knowledge.ts) and the refs behind every figure (JSON).
   */
  report_delivery: {
    table: 'report_deliveries',
    refPrefix: 'RD',
    fields: {
      name: t(),
      params: t(),
      today: d(),
      delivered_at: t(),
      by_user: t(),
      sha256: t(),
      knowledge: t(),
      figures: t(),
      note: t(),
      /** Made as known on this moment (ISO date-time), not as known at delivery (issue 14). */
      known_on: t(),
    },
  },
  /**
   * A handover of a caseload period to another account manager from a date (issue 14): the
   * period's account_manager is the current one; these keep who it was on any earlier day.
   */
  assignment: {
    table: 'assignments',
    refPrefix: 'AS',
    fields: {
      period_id: t(),
      account_manager: t(),
      previous: t(),
      from_date: d(),
      note: t(),
      /** The users behind the names (issue 13): the new and the previous account manager. */
      account_manager_id: ref('user'),
      previous_id: ref('user'),
    },
  },
  /**
   * A team setting (issue 14: the names on the half-year report, the result agreements' wording;
   * db/model/settings.ts): one row per key with id `setting.<key>`, the value as JSON text.
   */
  setting: {
    table: 'settings',
    refPrefix: 'ST',
    fields: { key: t(), value: t() },
  },
} as const satisfies Record<string, EntitySpec>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];

/** Every synced row also has: id (text, unique across laptops), ref, deleted (tombstone). */
export const COMMON_FIELDS: Record<string, FieldSpec> = { ref: t(), deleted: b };

export function fieldSpec(entity: EntityName, field: string): FieldSpec | undefined {
  return (ENTITIES[entity].fields as Record<string, FieldSpec>)[field] ?? COMMON_FIELDS[field];
}

export function fieldNames(entity: EntityName): string[] {
  return ['ref', ...Object.keys(ENTITIES[entity].fields), 'deleted'];
}

export function isEntityName(s: string): s is EntityName {
  return Object.prototype.hasOwnProperty.call(ENTITIES, s);
}

/**
 * The journal stores fields by number (db/journal/entries.ts): 0 is ref, 1 is deleted, then the
 * entity's fields in registry order. So fields are only ever added at the end of an entity's
 * list - never reordered, renamed or removed - and test/unit/model/entities.test.ts pins the
 * numbers of today.
 */
const NUMBERS = new Map<EntityName, { names: string[]; of: Map<string, number>; specs: FieldSpec[] }>();

function numbering(entity: EntityName): { names: string[]; of: Map<string, number>; specs: FieldSpec[] } {
  let n = NUMBERS.get(entity);
  if (!n) {
    const names = ['ref', 'deleted', ...Object.keys(ENTITIES[entity].fields)];
    n = { names, of: new Map(names.map((f, i) => [f, i])), specs: names.map((f) => fieldSpec(entity, f)!) };
    NUMBERS.set(entity, n);
  }
  return n;
}

export function fieldNumber(entity: EntityName, field: string): number | undefined {
  return numbering(entity).of.get(field);
}

export function fieldOfNumber(entity: EntityName, no: number): string | undefined {
  return numbering(entity).names[no];
}

/** Every field of `entity` (ref and deleted included), each at its number. */
export function numberedFields(entity: EntityName): readonly string[] {
  return numbering(entity).names;
}

/** The spec of every field of `entity`, each at its number (numberedFields). */
export function numberedSpecs(entity: EntityName): readonly FieldSpec[] {
  return numbering(entity).specs;
}

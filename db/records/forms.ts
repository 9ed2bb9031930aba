// Saving a record typed in a form: parse and check it as an interchange record (the same rules
// as import), then upsert it through RecordWriter inside the caller's write transaction. New
// employers and vacancies get the next number of their series (W000123, V000045: people quote
// them on the phone); other records a ref derived from their new id.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../model/errors.js';
import type { Writer } from '../journal/write.js';
import { ENTITIES, type EntityName } from '../model/entities.js';
import type { RecordKind } from '../model/records.js';
import { parseRecord, throwFieldErrors } from './parse.js';
import { hashRef, nextSeriesRef } from './refs.js';
import { ENTITY_OF, RecordWriter, type RecordValues, type UpsertResult } from './upsert.js';
import type { Store } from '../journal/store.js';

const NOT_FOUND: Partial<Record<EntityName, string>> = {
  user: 'Gebruiker niet gevonden',
  client: 'Klant niet gevonden',
  period: 'Caseloadperiode niet gevonden',
  measure: 'Maatregel niet gevonden',
  employer: 'Werkgever niet gevonden',
  contact_person: 'Contactpersoon niet gevonden',
  sroi: 'SROI-verplichting niet gevonden',
  vacancy: 'Vacature niet gevonden',
  match: 'Voordracht niet gevonden',
  placement: 'Plaatsing niet gevonden',
  activity: 'Activiteit niet gevonden',
  contact: 'Contactmoment niet gevonden',
  purge_marker: 'Niet gevonden',
};

/** The live row of an entity, or a not_found error naming `field`. */
export function liveRow(
  store: Store,
  entity: EntityName,
  id: string | null | undefined,
  field = 'id',
): Record<string, unknown> {
  const row: Record<string, unknown> | undefined = id
    ? store.first(
        store.kysely.selectFrom(ENTITIES[entity].table).selectAll().where('id', '=', id).where('deleted', '=', 0),
      )
    : undefined;
  if (!row) throw new AppError('not_found', NOT_FOUND[entity] ?? 'Niet gevonden', field);
  return row;
}

export function refOf(store: Store, entity: EntityName, id: string, field: string): string {
  return liveRow(store, entity, id, field).ref as string;
}

/** Parses form input (strings as typed) of a record kind; every field error at once. */
export function parseForm(kind: RecordKind, raw: Record<string, unknown>, isNew: boolean): RecordValues {
  const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const { values, errors } = parseRecord(kind, clean, { emptyMeansKeep: isNew });
  throwFieldErrors(errors);
  return values;
}

/**
 * Creates (id null) or updates the record with this id from parsed values in the caller's
 * transaction. Links are given as ids (`links`), never looked up by ref.
 */
export function saveRecord(
  store: Store,
  w: Writer,
  kind: RecordKind,
  id: string | null,
  values: RecordValues,
  links: Record<string, string | null> = {},
): UpsertResult {
  const entity = ENTITY_OF[kind];
  const rw = new RecordWriter(store, w);
  if (id) {
    liveRow(store, entity, id);
    return rw.upsert(kind, values, { id, links });
  }
  const ref = kind === 'employers' || kind === 'vacancies' ? nextSeriesRef(store, entity) : hashRef(entity, [uuidv7()]);
  return rw.upsert(kind, { ...values, ref }, { links });
}

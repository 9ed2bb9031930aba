// The payload of a segment: this device's field changes as JSON, one compact array per change
// [entity, row_id, field, value, hlc, base_hlc, user] (the device is the segment's). Incoming
// payloads are checked against the entity registry before anything is applied: an unknown field
// (a newer app version) or a value of the wrong type refuses the whole segment.
import { decodeHlc } from '../journal/hlc.js';
import type { FieldChange, Value } from '../journal/write.js';
import { fieldSpec, isEntityName, type EntityName, type FieldSpec } from '../model/entities.js';
import { BadFile, type FileHeader } from './container.js';
import type { FlatChange } from '../store/journal-pack.js';

/** A change as a segment carries it: the exchange format (value as JSON text), with its journal seq. */
export type JournalRow = FlatChange & { seq: number };

/** Builds the payload text from journal rows without re-parsing their JSON values. */
export function encodeChanges(rows: readonly JournalRow[]): Buffer {
  const parts: string[] = [];
  for (const r of rows) {
    parts.push(
      `[${JSON.stringify(r.entity)},${JSON.stringify(r.row_id)},${JSON.stringify(r.field)},${r.value ?? 'null'},${JSON.stringify(r.hlc)},${JSON.stringify(r.base_hlc)},${JSON.stringify(r.user)}]`,
    );
  }
  return Buffer.from(`{"changes":[${parts.join(',\n')}]}`, 'utf8');
}

function valueFits(spec: FieldSpec, v: unknown): v is Value {
  if (v === null) return true;
  switch (spec.type) {
    case 'bool':
      return typeof v === 'boolean';
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'real':
      return typeof v === 'number' && Number.isFinite(v);
    case 'list':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    default:
      return typeof v === 'string' && v.length <= 100_000;
  }
}

const bad = (msg: string) => new BadFile('content', msg);

/**
 * Checks what every field of one write shares (a segment's change, a snapshot's journal row):
 * known entity, record id, author and clock. Returns the clock's device, the write's author.
 * Throws BadFile 'content'.
 */
export function checkWrite(entity: unknown, rowId: unknown, hlc: unknown, user: unknown): string {
  if (typeof entity !== 'string' || !isEntityName(entity))
    throw bad(`onbekend soort record '${String(entity).slice(0, 40)}': werk Caseload bij`);
  if (typeof rowId !== 'string' || rowId.length === 0 || rowId.length > 100) throw bad('ongeldige record-id');
  if (typeof user !== 'string' || user.length > 200) throw bad('ongeldige gebruiker');
  return deviceOf(hlc);
}

/** The device of a clock from outside; throws BadFile 'content' when it is not a valid clock. */
export function deviceOf(hlc: unknown): string {
  if (typeof hlc !== 'string') throw bad('ongeldige klokwaarde');
  try {
    return decodeHlc(hlc).device;
  } catch {
    throw bad('ongeldige klokwaarde');
  }
}

/** Checks one field of a write of `entity` (known, not the id) and its value's type. */
export function checkField(entity: EntityName, field: unknown, value: unknown): void {
  if (typeof field !== 'string' || field === 'id') throw bad('ongeldig veld');
  const spec = fieldSpec(entity, field);
  if (!spec) throw bad(`onbekend veld ${entity}.${field.slice(0, 40)}: werk Caseload bij`);
  checkValue(entity, field, spec, value);
}

/** Checks a value of a known field (`spec`) of `entity` against its type. */
export function checkValue(entity: EntityName, field: string, spec: FieldSpec, value: unknown): void {
  if (!valueFits(spec, value)) throw bad(`waarde van ${entity}.${field} heeft het verkeerde type`);
}

/**
 * Checks one field change from outside (a segment, a snapshot's journal) against the entity
 * registry: known entity and field, a value of the field's type, valid clocks, sane lengths.
 * The author is the device in its clock. Throws BadFile 'content'.
 */
export function checkChange(
  entity: unknown,
  rowId: unknown,
  field: unknown,
  value: unknown,
  hlc: unknown,
  base: unknown,
  user: unknown,
): FieldChange {
  const device = checkWrite(entity, rowId, hlc, user);
  checkField(entity as EntityName, field, value);
  if (base !== null) deviceOf(base);
  return {
    entity: entity as EntityName,
    row_id: rowId as string,
    field: field as string,
    value: value as Value,
    hlc: hlc as string,
    base_hlc: base as string | null,
    device,
    user: user as string,
  };
}

/** Parses and checks a segment payload; every change must be authored by the segment's device. */
export function decodeChanges(plaintext: Buffer, header: FileHeader): FieldChange[] {
  let doc: { changes?: unknown };
  try {
    doc = JSON.parse(plaintext.toString('utf8')) as { changes?: unknown };
  } catch {
    throw bad('inhoud is geen geldige JSON');
  }
  if (!Array.isArray(doc.changes) || doc.changes.length !== header.count)
    throw bad('aantal wijzigingen klopt niet met de kop');
  const out: FieldChange[] = [];
  for (const item of doc.changes as unknown[]) {
    if (!Array.isArray(item) || item.length !== 7) throw bad('wijziging heeft een onbekende vorm');
    const [entity, rowId, field, value, hlc, base, user] = item as unknown[];
    const c = checkChange(entity, rowId, field, value, hlc, base, user);
    if (c.device !== header.device) throw bad('wijziging van een ander apparaat dan de afzender');
    out.push(c);
  }
  return out;
}

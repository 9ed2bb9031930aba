// The journal's packed row format (migration 0008), pure: packing field changes into journal rows
// and expanding them again. One row per write of one record: the changed fields by number
// (db/model/entities.ts fieldNumber), one clock for the row, per-field clocks only where they
// differ (old data), and the bases (the clock each field had before, for conflicts). Used by the
// journal (db/journal/entries.ts, write.ts) and by the bulk paths in the store (migration 0008).
import { fieldNumber, fieldOfNumber, isEntityName, type EntityName } from './entities.js';

export type Value = string | number | boolean | string[] | null;

export interface FieldChange {
  entity: EntityName;
  row_id: string;
  field: string;
  /** The logical value (lists as arrays, booleans as booleans). */
  value: Value;
  hlc: string;
  base_hlc: string | null;
  device: string;
  user: string;
}

/** A change as read back from the journal: where it sits and when this laptop had it. */
export interface StoredChange extends FieldChange {
  seq: number;
  at: number;
}

export interface PackedRow {
  seq: number;
  entity: string;
  row_id: string;
  hlc: string;
  user: string;
  fields: string;
  clocks: string | null;
  bases: string | null;
  at: number;
}

const HLC_HEAD = 15;

/** A field's clock from the row's clock and its override (counter within the same ms and device). */
export function clockOf(rowHlc: string, override: number | string | undefined): string {
  if (override === undefined) return rowHlc;
  if (typeof override === 'string') return override;
  const device = rowHlc.slice(HLC_HEAD + 6);
  return `${rowHlc.slice(0, HLC_HEAD)}-${override.toString(16).padStart(4, '0')}-${device}`;
}

/** Every field change in one journal row, in field-number order. */
export function expand(row: PackedRow): StoredChange[] {
  if (!isEntityName(row.entity)) return [];
  return expandParsed(
    row,
    JSON.parse(row.fields) as Record<string, Value>,
    row.clocks ? (JSON.parse(row.clocks) as Record<string, number | string>) : {},
    row.bases ? (JSON.parse(row.bases) as Record<string, string>) : {},
  );
}

/** expand, for a row whose JSON columns are parsed already (fields unknown to the registry are left out). */
export function expandParsed(
  row: Omit<PackedRow, 'fields' | 'clocks' | 'bases'>,
  fields: Record<string, Value>,
  clocks: Record<string, number | string>,
  bases: Record<string, string>,
): StoredChange[] {
  if (!isEntityName(row.entity)) return [];
  const out: StoredChange[] = [];
  for (const no in fields) {
    const field = fieldOfNumber(row.entity, Number(no));
    if (!field) continue;
    const hlc = clockOf(row.hlc, clocks[no]);
    out.push({
      seq: row.seq,
      at: row.at,
      entity: row.entity,
      row_id: row.row_id,
      field,
      value: fields[no]!,
      hlc,
      base_hlc: bases[no] ?? null,
      device: hlc.slice(HLC_HEAD + 6),
      user: row.user,
    });
  }
  return out;
}

/** The columns of one journal row for changes of one record by one user and device (distinct fields). */
export function pack(changes: readonly FieldChange[]): Omit<PackedRow, 'seq' | 'at'> {
  const first = changes[0]!;
  const rowHlc = changes.reduce((min, c) => (c.hlc < min ? c.hlc : min), first.hlc);
  const head = rowHlc.slice(0, HLC_HEAD);
  const fields: Record<number, Value> = {};
  const clocks: Record<number, number | string> = {};
  const bases: Record<number, string> = {};
  let hasClocks = false;
  let hasBases = false;
  for (const c of changes) {
    const no = fieldNumber(c.entity, c.field)!;
    fields[no] = c.value;
    if (c.hlc !== rowHlc) {
      hasClocks = true;
      clocks[no] =
        c.hlc.slice(0, HLC_HEAD) === head && c.device === first.device
          ? parseInt(c.hlc.slice(HLC_HEAD + 1, HLC_HEAD + 5), 16)
          : c.hlc;
    }
    if (c.base_hlc !== null) {
      hasBases = true;
      bases[no] = c.base_hlc;
    }
  }
  return {
    entity: first.entity,
    row_id: first.row_id,
    hlc: rowHlc,
    user: first.user,
    fields: JSON.stringify(fields),
    clocks: hasClocks ? JSON.stringify(clocks) : null,
    bases: hasBases ? JSON.stringify(bases) : null,
  };
}

/**
 * Packs a stream of changes into journal rows as they come: one row per run of consecutive
 * changes of the same record, user, device and millisecond in which no field repeats (a local
 * write is one row; old data with a clock per field packs per millisecond). `emit` gets each row.
 */
export class RunPacker {
  private run: FieldChange[] = [];
  private readonly fields = new Set<string>();

  constructor(private readonly emit: (row: Omit<PackedRow, 'seq' | 'at'>) => void) {}

  push(c: FieldChange): void {
    const prev = this.run[0];
    if (
      prev &&
      (prev.entity !== c.entity ||
        prev.row_id !== c.row_id ||
        prev.user !== c.user ||
        prev.device !== c.device ||
        prev.hlc.slice(0, HLC_HEAD) !== c.hlc.slice(0, HLC_HEAD) ||
        this.fields.has(c.field))
    )
      this.flush();
    this.run.push(c);
    this.fields.add(c.field);
  }

  flush(): void {
    if (this.run.length) this.emit(pack(this.run));
    this.run = [];
    this.fields.clear();
  }
}

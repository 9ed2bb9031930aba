// Delivered reports (issue 14, CONTRACTS.md "Reproducible"). Delivering makes the report's json,
// and archives: the name, the parameters and the day their defaults were resolved on, who and
// when, the sha256 of the json, the refs behind every figure, and the knowledge vector it was
// made under (db/journal/knowledge.ts). The archive is a synced table, so every laptop of the team
// has it; `verify` makes the report again under that vector - the same bytes on every laptop that
// has received those changes - and `changes` explains a figure that differs today: which records
// came in or went out, and who changed what since the delivery (a late exit, a correction).
import { v7 as uuidv7 } from 'uuid';
import { createHash } from 'node:crypto';
import type { Store } from '../journal/store.js';
import type { ReportName, ReportParams } from '../model/reports.js';
import { AppError } from '../model/errors.js';
import { asKnown, covers, knowledgeAt, knowledgeNow, type Knowledge } from '../journal/knowledge.js';
import { dutchDay } from '../model/calendar.js';
import { REPORTS } from './registry.js';
import { readSettings } from './settings.js';
import { rowChanges } from '../journal/entries.js';
import { reportJson } from './output.js';
import type { DB } from '../store/schema.js';
import type { EntityName } from '../model/entities.js';
import type { Role } from '../model/roles.js';
import { maskedValue } from '../model/access.js';
import { runReport, type ReportRun } from './run.js';

export interface Delivery {
  id: string;
  name: ReportName;
  params: ReportParams;
  /** The day the defaults (from/to/as_of) were resolved on. */
  today: string;
  delivered_at: string;
  by: string;
  sha256: string;
  note: string | null;
  /** Made as known on this moment (ISO), or null: as known at delivery. */
  known_on: string | null;
}

interface StoredDelivery extends Delivery {
  knowledge: Knowledge;
  /** Figure path -> the refs it counted. */
  figures: Record<string, string[]>;
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

function labelOf(run: ReportRun, figure: string): { label?: string } {
  const label = run.figures.get(figure)?.label;
  return label ? { label } : {};
}

function figureRefs(run: ReportRun): Record<string, string[]> {
  return Object.fromEntries([...run.figures].map(([path, f]) => [path, f.hits.map((h) => h.ref)]));
}

/** A report run with the refs behind every figure, under a knowledge vector or live. */
function traced(store: Store, name: ReportName, params: ReportParams, today: string, k?: Knowledge): ReportRun {
  const run = () => runReport(store, name, params, { trace: true, today });
  return k ? asKnown(store, k, run) : run();
}

/**
 * Makes the report now - or as known on `at` (ms) - and archives it as delivered; returns the
 * archive id and the json. A report that prints team settings keeps the values it used in its
 * parameters, so it verifies the same after a setting changes.
 */
export function deliverReport(
  store: Store,
  user: string,
  name: ReportName,
  params: ReportParams,
  note?: string,
  at?: number,
): { id: string; json: Buffer } {
  const today = at === undefined ? store.today() : dutchDay(at);
  const knowledge = at === undefined ? knowledgeNow(store) : knowledgeAt(store, at);
  const settings = () => (REPORTS[name].settings && !params.settings ? { settings: readSettings(store) } : {});
  const used: ReportParams = {
    ...params,
    ...(at === undefined ? settings() : asKnown(store, knowledge, settings)),
  };
  const run = traced(store, name, used, today, at === undefined ? undefined : knowledge);
  const json = reportJson(run);
  const id = uuidv7();
  const clean = Object.fromEntries(Object.entries(used).filter(([, v]) => v !== undefined));
  store.write(user, (w) =>
    w.create(
      'report_delivery',
      {
        name,
        params: JSON.stringify(clean),
        today,
        delivered_at: new Date(store.now()).toISOString(),
        by_user: user,
        sha256: sha256(json),
        knowledge: JSON.stringify(knowledge),
        figures: JSON.stringify(figureRefs(run)),
        note: note?.trim() || null,
        ...(at === undefined ? {} : { known_on: new Date(at).toISOString() }),
      },
      id,
    ),
  );
  return { id, json };
}

type Row = Pick<
  DB['report_deliveries'],
  | 'id'
  | 'name'
  | 'params'
  | 'today'
  | 'delivered_at'
  | 'by_user'
  | 'sha256'
  | 'note'
  | 'knowledge'
  | 'figures'
  | 'known_on'
>;

function parse(r: Row): StoredDelivery {
  return {
    id: r.id,
    name: r.name as ReportName,
    params: JSON.parse(r.params ?? '{}') as ReportParams,
    today: r.today ?? '',
    delivered_at: r.delivered_at ?? '',
    by: r.by_user ?? '',
    sha256: r.sha256 ?? '',
    note: r.note,
    known_on: r.known_on,
    knowledge: JSON.parse(r.knowledge ?? '{}') as Knowledge,
    figures: JSON.parse(r.figures ?? '{}') as Record<string, string[]>,
  };
}

const deliveries = (store: Store) =>
  store.kysely
    .selectFrom('report_deliveries')
    .select([
      'id',
      'name',
      'params',
      'today',
      'delivered_at',
      'by_user',
      'sha256',
      'note',
      'knowledge',
      'figures',
      'known_on',
    ])
    .where('deleted', '=', 0);

/** Every delivered report, oldest first. */
export function listDeliveries(store: Store): Delivery[] {
  return store.all(deliveries(store).orderBy('delivered_at').orderBy('id')).map((r) => {
    const { knowledge: _k, figures: _f, ...d } = parse(r);
    return d;
  });
}

function delivery(store: Store, id: string): StoredDelivery {
  const r = store.first(deliveries(store).where('id', '=', id));
  if (!r) throw new AppError('not_found', `geen geleverde rapportage met id ${id}`, 'id');
  return parse(r);
}

export interface FigureDifference {
  figure: string;
  /** The figure in words ("Uitstroom naar regulier werk"), when the report still has it. */
  label?: string;
  delivered: number;
  now: number;
}

export interface VerifyResult {
  id: string;
  identical: boolean;
  sha256: string;
  delivered: string;
  /** Figures whose counts differ (empty when identical). */
  differences: FigureDifference[];
}

function refuseIncomplete(store: Store, d: StoredDelivery): void {
  if (!covers(knowledgeNow(store), d.knowledge))
    throw new AppError(
      'conflict',
      'deze laptop heeft nog niet alle wijzigingen die bij de levering bekend waren: synchroniseer eerst',
    );
}

/** Makes an archived report again under its knowledge vector and compares the bytes. */
export function verifyDelivery(store: Store, id: string): VerifyResult {
  const d = delivery(store, id);
  refuseIncomplete(store, d);
  const run = traced(store, d.name, d.params, d.today, d.knowledge);
  const got = sha256(reportJson(run));
  const now = figureRefs(run);
  const differences = Object.keys({ ...d.figures, ...now })
    .sort()
    .map((figure) => ({
      figure,
      ...labelOf(run, figure),
      delivered: d.figures[figure]?.length ?? 0,
      now: now[figure]?.length ?? 0,
    }))
    .filter((x) => x.delivered !== x.now);
  return { id, identical: got === d.sha256, sha256: got, delivered: d.sha256, differences };
}

export interface RecordChange {
  entity: string;
  field: string;
  value: unknown;
  user: string;
  at: string;
}

export interface FigureChange {
  figure: string;
  label?: string;
  delivered: number;
  now: number;
  added: { ref: string; changes: RecordChange[] }[];
  removed: { ref: string; changes: RecordChange[] }[];
}

/**
 * What changed since a delivery: per figure whose records differ today, the refs that came in or
 * went out, each with the changes made since the delivery to the client (or employer) and the
 * records that belong to it (periods, activities, placements), with who and when.
 */
export function changesSince(store: Store, id: string, role: Role): FigureChange[] {
  const d = delivery(store, id);
  const liveRun = traced(store, d.name, d.params, d.today);
  const live = figureRefs(liveRun);
  const out: FigureChange[] = [];
  for (const figure of Object.keys({ ...d.figures, ...live }).sort()) {
    const before = new Set(d.figures[figure] ?? []);
    const after = new Set(live[figure] ?? []);
    const added = [...after].filter((r) => !before.has(r));
    const removed = [...before].filter((r) => !after.has(r));
    if (!added.length && !removed.length) continue;
    const explain = (ref: string) => ({ ref, changes: changesOfRef(store, ref, d.knowledge, role) });
    out.push({
      figure,
      ...labelOf(liveRun, figure),
      delivered: before.size,
      now: after.size,
      added: added.map(explain),
      removed: removed.map(explain),
    });
  }
  return out;
}

/** The changes, not covered by `k`, to the client or employer with this ref and what it owns. */
function changesOfRef(store: Store, ref: string, k: Knowledge, role: Role): RecordChange[] {
  const db = store.kysely;
  const client = store.first(db.selectFrom('clients').select('id').where('ref', '=', ref).where('deleted', '=', 0));
  const rows: [EntityName, string][] = [];
  if (client) {
    rows.push(['client', client.id]);
    const owned = (entity: EntityName, table: 'caseload_periods' | 'activities' | 'placements') => {
      for (const r of store.all(db.selectFrom(table).select('id').where('client_id', '=', client.id)))
        rows.push([entity, r.id]);
    };
    owned('period', 'caseload_periods');
    owned('activity', 'activities');
    owned('placement', 'placements');
  } else {
    const employer = store.first(db.selectFrom('employers').select('id').where('ref', '=', ref));
    if (employer) rows.push(['employer', employer.id]);
  }
  const changes: (RecordChange & { hlc: string })[] = [];
  for (const [entity, rid] of rows)
    for (const c of rowChanges(store, entity, rid))
      if (c.hlc > (k[c.device] ?? ''))
        changes.push({
          entity,
          field: c.field,
          value: maskedValue(entity, c.field, c.value, role),
          user: c.user,
          at: new Date(c.at).toISOString(),
          hlc: c.hlc,
        });
  return changes.sort((a, b) => (a.hlc < b.hlc ? -1 : 1)).map(({ hlc: _h, ...c }) => c);
}

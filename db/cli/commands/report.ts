// `caseload report NAME` (CONTRACTS.md): a management report as json (stdout by default), csv,
// xlsx, html or pdf. Bad dates, unknown reports or formats are usage errors (exit 2).
import {
  REPORT_FORMATS,
  REPORT_NAMES,
  type ReportFormat,
  type ReportName,
  type ReportParams,
} from '../../model/reports.js';
import { AppError } from '../../model/errors.js';
import { parseDate, parseMoment } from '../../model/calendar.js';
import { UsageError, type Command } from '../command.js';

const FORMATS = REPORT_FORMATS;
type Format = ReportFormat;

type Values = Record<string, string | boolean | string[] | undefined>;

function date(values: Values, flag: string): string | undefined {
  const v = values[flag] as string | undefined;
  if (v === undefined) return undefined;
  const iso = parseDate(v);
  if (!iso) throw new UsageError(`--${flag}: '${v}' is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)`);
  return iso;
}

function number(values: Values, flag: string, integer: boolean): number | undefined {
  const v = values[flag] as string | undefined;
  if (v === undefined) return undefined;
  const n = Number(v.replace(',', '.'));
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)))
    throw new UsageError(`--${flag}: '${v}' is geen geldig ${integer ? 'geheel ' : ''}getal`);
  return n;
}

/** `--referrer urk` stays one code (the old form); `--referrer social_team,urk` is a list. */
function referrers(v: string | undefined): string | string[] | undefined {
  if (v === undefined || !v.includes(',')) return v;
  return v
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

export const reportCommand: Command = {
  name: 'report',
  summary: `rapportage maken (${REPORT_NAMES.join(', ')})`,
  usage:
    'report NAME [--from D] [--to D] [--as-of D] [--format json|csv|xlsx|html|pdf] [--out FILE] [--detail]\n' +
    '         [--as-known-on MOMENT] [--deliver [--note TEXT]]\n' +
    '         [--target-percent N] [--norm N] [--interval-days N] [--account-manager NAAM] [--target-group CODE] [--referrer CODE[,CODE...]]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    detail: { type: 'boolean' },
    'target-percent': { type: 'string' },
    norm: { type: 'string' },
    'interval-days': { type: 'string' },
    'account-manager': { type: 'string' },
    'target-group': { type: 'string' },
    referrer: { type: 'string' },
    'as-known-on': { type: 'string' },
    deliver: { type: 'boolean' },
    note: { type: 'string' },
  },
  positionals: 1,
  async run(ctx, values, positionals) {
    const name = positionals[0];
    if (!name) throw new UsageError(`geef de naam van de rapportage (${REPORT_NAMES.join(', ')})`);
    if (!(REPORT_NAMES as readonly string[]).includes(name))
      throw new UsageError(`onbekende rapportage '${name}' (kies uit ${REPORT_NAMES.join(', ')})`);
    const format = ((values.format as string | undefined) ?? 'json') as Format;
    if (!FORMATS.includes(format))
      throw new UsageError(`onbekend formaat '${format}' (kies uit ${FORMATS.join(', ')})`);
    const out = values.out as string | undefined;
    if (!out && (format === 'xlsx' || format === 'pdf'))
      throw new UsageError(`--format ${format} schrijft een bestand: geef --out FILE`);
    const params: ReportParams = {
      from: date(values, 'from'),
      to: date(values, 'to'),
      as_of: date(values, 'as-of'),
      detail: values.detail ? true : undefined,
      target_percent: number(values, 'target-percent', false),
      norm: number(values, 'norm', true),
      interval_days: number(values, 'interval-days', true),
      account_manager: values['account-manager'] as string | undefined,
      target_group: values['target-group'] as string | undefined,
      referrer: referrers(values.referrer as string | undefined),
    };
    for (const k of Object.keys(params) as (keyof ReportParams)[]) if (params[k] === undefined) delete params[k];
    const asKnownOn = values['as-known-on'] as string | undefined;
    if (asKnownOn !== undefined && parseMoment(asKnownOn) === null)
      throw new UsageError(`--as-known-on: '${asKnownOn}' is geen geldig moment (JJJJ-MM-DD of JJJJ-MM-DDTuu:mm)`);
    const note = values.note as string | undefined;
    if (values.deliver && format !== 'json') throw new UsageError('--deliver levert de json: zonder --format');
    if (note !== undefined && !values.deliver) throw new UsageError('--note hoort bij --deliver');
    const api = ctx.open();
    try {
      let data: Buffer;
      try {
        if (values.deliver) {
          const d = await api.call('reports.deliver', { name: name as ReportName, params, note, asKnownOn });
          data = Buffer.from(d.base64, 'base64');
          ctx.io.err(`archived: ${d.id}`);
        } else {
          const file = await api.call('reports.file', { name: name as ReportName, params, format, asKnownOn });
          data = Buffer.from(file.base64, 'base64');
        }
      } catch (e) {
        // Parameter problems (from after to, unknown code) are usage errors too.
        if (e instanceof AppError && e.code === 'invalid_input')
          throw new UsageError(
            `${e.field ? `--${e.field.replace(/^params\./, '').replace(/_/g, '-')}: ` : ''}${e.message}`,
          );
        throw e;
      }
      // Owner-only: a report with --detail names clients.
      if (out) (await import('../../api/host.js')).writePrivateAtomic(out, [data]);
      else ctx.io.out(data.toString('utf8').replace(/\n$/, ''));
      return 0;
    } finally {
      api.close();
    }
  },
};

// The result agreements with the municipality (uitvoeringsovereenkomst 2016, seed 4.1) as they
// appear in the half-year report: each with the figure from the records that shows where it
// stands, or marked qualitative when no count can show it. The wording is the team's setting
// (db/model/settings.ts, defaults from the seed); the qualitative a, d and g carry the
// corporation's explanation in words, kept with a delivery.
import { formatDateNl } from '../model/calendar.js';
import { REGULAR_WORK_REASONS } from '../model/codes.js';
import { events, type Scope, type Trace } from './query.js';
import type { Store } from '../journal/store.js';
import type { Activation } from './activation.js';
import type { EmployerFollowUp } from './employer-follow-up.js';
import type { WorkTarget } from './work-target.js';
import { agreementText, type AgreementCode, type ExplainedAgreement } from '../model/settings.js';

export interface ResultAgreement {
  code: string;
  kind: 'kwantitatief' | 'kwalitatief' | 'proces';
  text: string;
  indicator: string;
  value: number | null;
  status: string;
  /** The corporation's explanation (a, d, g), when one was given. */
  explanation?: string;
  /** Path of the figure whose records the value counts (half-year data), when there is one. */
  figure?: string;
}

interface Inputs {
  wording: Record<AgreementCode, string>;
  explanations: Partial<Record<ExplainedAgreement, string>>;
  from: string;
  to: string;
  scope: Scope;
  workTarget: WorkTarget;
  activation: Activation;
  employers: EmployerFollowUp;
}

const regular = REGULAR_WORK_REASONS.map((r) => `'${r}'`).join(', ');

export function resultAgreements(store: Store, i: Inputs, trace: Trace): ResultAgreement[] {
  const wt = i.workTarget;
  const out: ResultAgreement[] = [];
  const words = (code: AgreementCode) =>
    agreementText(i.wording[code], { percent: wt.target_percent, year: wt.to.slice(0, 4) });
  const explained = (code: ExplainedAgreement) => {
    const text = i.explanations[code];
    return text ? { explanation: text } : {};
  };
  const add = (a: ResultAgreement, figure?: { label: string; hits: Parameters<Trace['add']>[3] }) => {
    if (figure) {
      a.figure = `result_agreements.${out.length}`;
      trace.add(a.figure, figure.label, 'period', figure.hits);
    }
    out.push(a);
  };
  add({
    code: 'a',
    kind: 'kwalitatief',
    text: words('a'),
    indicator: 'Toelichting door de Werkcorporatie',
    value: null,
    status: 'kwalitatief',
    ...explained('a'),
  });
  add({
    code: 'b',
    kind: 'kwantitatief',
    text: words('b'),
    indicator: `Uitstroom naar regulier werk ${formatDateNl(wt.baseline_date)} t/m ${formatDateNl(wt.to)} (doel ${wt.target} van ${wt.baseline_caseload}; prognose ${wt.forecast})`,
    value: wt.realized,
    status: wt.on_track ? 'op koers' : 'niet op koers',
    figure: 'sections.work_target.realized',
  });
  add({
    code: 'c',
    kind: 'kwalitatief',
    text: words('c'),
    indicator: `Buitengewone werkgevers zonder contact in de laatste ${i.employers.interval_days} dagen`,
    value: i.employers.overdue_count,
    status: `${i.employers.employers.length} buitengewone werkgever${i.employers.employers.length === 1 ? '' : 's'}`,
    figure: 'sections.employer_follow_up.overdue_count',
  });
  add({
    code: 'd',
    kind: 'kwalitatief',
    text: words('d'),
    indicator: 'Toelichting door de Werkcorporatie',
    value: null,
    status: 'kwalitatief',
    ...explained('d'),
  });
  const school = events(
    store,
    i.scope,
    'exit_date',
    i.from,
    i.to,
    'NULL',
    trace.wants('result_agreements'),
    `p.referrer = 'school' AND p.exit_reason IN (${regular})`,
  ).get(null);
  add(
    {
      code: 'e',
      kind: 'kwalitatief',
      text: words('e'),
      indicator: 'Uitstroom naar regulier werk van klanten verwezen door vso/pro-scholen in het halfjaar',
      value: school?.count ?? 0,
      status: 'indicatie',
    },
    { label: 'Vso/pro-leerlingen naar regulier werk', hits: school?.hits ?? [] },
  );
  // Age at the exit date: born after the day 27 years before the exit.
  const youth = events(
    store,
    i.scope,
    'exit_date',
    i.from,
    i.to,
    'NULL',
    trace.wants('result_agreements'),
    `p.exit_reason = 'education' AND p.birth_date > date(p.exit_date, '-27 years')`,
  ).get(null);
  add(
    {
      code: 'f',
      kind: 'kwalitatief',
      text: words('f'),
      indicator: 'Uitstroom naar opleiding van klanten jonger dan 27 in het halfjaar',
      value: youth?.count ?? 0,
      status: 'indicatie',
    },
    { label: 'Jongeren onder 27 naar opleiding', hits: youth?.hits ?? [] },
  );
  add({
    code: 'g',
    kind: 'kwalitatief',
    text: words('g'),
    indicator: 'Toelichting door de Werkcorporatie',
    value: null,
    status: 'kwalitatief',
    ...explained('g'),
  });
  add({
    code: 'proces',
    kind: 'proces',
    text: 'Alle klanten in de caseload worden actief gehouden in een traject (wens van de gemeente).',
    indicator: `Percentage van de caseload op ${formatDateNl(i.activation.as_of)} met een lopende activiteit of plaatsing`,
    value: i.activation.percent,
    status: `${i.activation.active} van ${i.activation.caseload} actief`,
    figure: 'sections.activation.active',
  });
  return out;
}

// The team's report settings (issue 14): the names on the half-year report's cover page and the
// result agreements' wording, kept in the synced `setting` entity (one row per key, id
// `setting.<key>`, so two laptops editing the same setting converge on one row). Pure: the
// reports domain, the contract and the Beheer form share the keys, defaults and checks.
import { z } from 'zod';

/** The agreements of the uitvoeringsovereenkomst (seed 4.1), in the report's order. */
export const AGREEMENT_CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export type AgreementCode = (typeof AGREEMENT_CODES)[number];

/** The qualitative agreements no count can show: the corporation explains them in words. */
export const EXPLAINED_AGREEMENTS = ['a', 'd', 'g'] as const;
export type ExplainedAgreement = (typeof EXPLAINED_AGREEMENTS)[number];

export interface ReportSettings {
  municipality_name: string;
  corporation_name: string;
  /** Wording per agreement; `{doel}` becomes the target percentage, `{jaar}` the report's year. */
  agreements: Record<AgreementCode, string>;
}

/** The seed's wording (Resultaatafspraken uitvoeringsovereenkomst 2016). */
export const DEFAULT_SETTINGS: ReportSettings = {
  municipality_name: 'Gemeente Noordoostpolder',
  corporation_name: 'Werkcorporatie Noordoostpolder',
  agreements: {
    a: 'Verbeteren van de individuele arbeidsmarktpositie van de uitkeringsgerechtigden.',
    b: 'Verhogen van de uitstroom naar regulier werk. Minimaal {doel} procent van het aantal uitkeringsgerechtigden die klant zijn van de Werkcorporatie is uitgestroomd naar regulier werk op de peildatum 31-12-{jaar}.',
    c: 'De Werkcorporatie heeft de behoeften en vraag van de werkgever in beeld om vervolgens kandidaten voor te dragen die aansluiten bij deze wensen en behoeften.',
    d: 'De Werkcorporatie zorgt voor verbinding tussen het onderwijs en bedrijfsleven.',
    e: 'In het kader van de Banenafspraak worden goede afspraken gemaakt met praktijk- en speciaal onderwijs om leerlingen die het onderwijs verlaten, direct te begeleiden naar regulier werk.',
    f: 'De Werkcorporatie zet zich in om jongeren onder de 27 jaar weer terug te laten keren naar school.',
    g: 'De Werkcorporatie creëert een meerwaarde voor het onderwijs en de ondernemers. Daarnaast zijn het onderwijs en ondernemers tevreden over het functioneren van de Werkcorporatie.',
  },
};

/** Setting keys as stored: the two names and one key per agreement (`agreement_a`, ...). */
export const SETTING_KEYS = [
  'municipality_name',
  'corporation_name',
  ...AGREEMENT_CODES.map((c) => `agreement_${c}` as const),
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const NAME_MAX = 200;
export const AGREEMENT_MAX = 1000;
export const EXPLANATION_MAX = 4000;

const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Vul de naam van de ${what} in.`)
    .max(NAME_MAX, `De naam van de ${what} is te lang (hoogstens ${NAME_MAX} tekens).`);
const agreement = (code: string) =>
  z
    .string()
    .trim()
    .min(1, `Vul de tekst van resultaatafspraak ${code} in.`)
    .max(AGREEMENT_MAX, `De tekst van resultaatafspraak ${code} is te lang (hoogstens ${AGREEMENT_MAX} tekens).`);

/** The settings as a beheerder saves them (all fields, Dutch messages naming the field). */
export const reportSettingsInput = z
  .object({
    municipality_name: name('gemeente'),
    corporation_name: name('werkcorporatie'),
    agreements: z
      .object(Object.fromEntries(AGREEMENT_CODES.map((c) => [c, agreement(c)])) as Record<AgreementCode, z.ZodString>)
      .strict(),
  })
  .strict();

/** The settings a report ran with, as stored with a delivery (any may be missing: the default). */
export const reportSettingsParam = z
  .object({
    municipality_name: z.string().max(NAME_MAX).optional(),
    corporation_name: z.string().max(NAME_MAX).optional(),
    agreements: z
      .object(
        Object.fromEntries(AGREEMENT_CODES.map((c) => [c, z.string().max(AGREEMENT_MAX).optional()])) as Record<
          AgreementCode,
          z.ZodOptional<z.ZodString>
        >,
      )
      .strict()
      .optional(),
  })
  .strict();

/** The corporation's explanation of the qualitative agreements, kept with a delivery. */
export const explanationsParam = z
  .object(
    Object.fromEntries(
      EXPLAINED_AGREEMENTS.map((c) => [
        c,
        z
          .string()
          .max(EXPLANATION_MAX, `De toelichting bij afspraak ${c} is te lang (hoogstens ${EXPLANATION_MAX} tekens).`)
          .optional(),
      ]),
    ) as Record<ExplainedAgreement, z.ZodOptional<z.ZodString>>,
  )
  .strict();

/** Fills what a stored value or parameter leaves out with the defaults. */
export function withDefaults(s: z.input<typeof reportSettingsParam> | undefined): ReportSettings {
  const agreements = { ...DEFAULT_SETTINGS.agreements };
  for (const c of AGREEMENT_CODES) {
    const v = s?.agreements?.[c];
    if (v) agreements[c] = v;
  }
  return {
    municipality_name: s?.municipality_name || DEFAULT_SETTINGS.municipality_name,
    corporation_name: s?.corporation_name || DEFAULT_SETTINGS.corporation_name,
    agreements,
  };
}

/** An agreement's wording with its placeholders filled in. */
export function agreementText(text: string, v: { percent: number; year: string }): string {
  return text.replaceAll('{doel}', String(v.percent).replace('.', ',')).replaceAll('{jaar}', v.year);
}

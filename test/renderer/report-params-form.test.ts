// The Reports screen's typed settings as report parameters (issue 14): "Stand van registratie
// op" typed the Dutch way with an optional time, several referrers, the explanations of the
// qualitative agreements - and a Dutch message for what cannot be read.
import { afterEach, describe, expect, it } from 'vitest';
import { setNow } from '../../renderer/clock.js';
import { toKnownOn, toParams } from '../../renderer/screens/reports/params-form.js';

afterEach(() => setNow(null));

describe('the report settings as typed', () => {
  it('reads the known-on moment as a Dutch date with an optional time', () => {
    setNow(() => Date.UTC(2026, 11, 1, 9));
    expect(toKnownOn({})).toEqual({ errors: {} });
    expect(toKnownOn({ known_on_date: '3006' })).toEqual({
      asKnownOn: '2026-06-30',
      shown: '30-06-2026 23:59',
      errors: {},
    });
    expect(toKnownOn({ known_on_date: '30-06-2026', known_on_time: '930' })).toMatchObject({
      asKnownOn: '2026-06-30T09:30',
      shown: '30-06-2026 09:30',
    });
    expect(toKnownOn({ known_on_date: '30-06-2026', known_on_time: '25:00' }).errors).toEqual({
      known_on_time: 'Vul een tijd in als uu:mm, bijvoorbeeld 17:30.',
    });
    expect(toKnownOn({ known_on_time: '17:30' }).errors).toEqual({ known_on_date: 'Vul ook de datum in.' });
    expect(toKnownOn({ known_on_date: '31-02-2026' }).errors).toEqual({
      known_on_date: 'Vul een geldige datum in als dd-mm-jjjj.',
    });
  });

  it('sends one referrer as a code and several as a list, and only the explanations given', () => {
    const allowed = ['from', 'to', 'referrer', 'explanations'];
    expect(toParams({ referrer: 'urk' }, allowed).params).toEqual({ referrer: 'urk' });
    expect(toParams({ referrer: 'urk,self' }, allowed).params).toEqual({ referrer: ['urk', 'self'] });
    expect(toParams({ explanation_a: ' Werkplannen ', explanation_d: '  ' }, allowed).params).toEqual({
      explanations: { a: 'Werkplannen' },
    });
    expect(toParams({ explanation_a: 'x' }, ['from']).params).toEqual({});
  });
});

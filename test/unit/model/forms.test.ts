// Dates and numbers as people type them in a form, and the form schemas derived from RECORDS.
import { describe, expect, it } from 'vitest';
import { formSchema, formValues, parseTypedDate, parseTypedNumber } from '../../../db/model/forms.js';

const TODAY = '2026-12-01';

describe('a date typed the Dutch way', () => {
  it.each([
    ['15-12-2026', '2026-12-15'],
    ['15-12', '2026-12-15'],
    ['1512', '2026-12-15'],
    ['15122026', '2026-12-15'],
    ['15-12-26', '2026-12-15'],
    ['30062026', '2026-06-30'],
    ['3006', '2026-06-30'],
    ['14031988', '1988-03-14'],
    ['14-03-88', '1988-03-14'],
    ['1-2-2026', '2026-02-01'],
    ['15/12/2026', '2026-12-15'],
    ['2026-12-15', '2026-12-15'],
  ])('reads %s as %s', (typed, iso) => {
    expect(parseTypedDate(typed, TODAY)).toBe(iso);
  });

  it.each(['31-02-2026', '3002', '62026', '30-13', 'morgen', '', '123'])('refuses %s', (typed) => {
    expect(parseTypedDate(typed, TODAY)).toBeNull();
  });
});

describe('a number typed with a decimal comma', () => {
  it('reads 32,5 and 32.5 alike and refuses words', () => {
    expect(parseTypedNumber('32,5')).toBe(32.5);
    expect(parseTypedNumber('32.5')).toBe(32.5);
    expect(parseTypedNumber('32')).toBe(32);
    expect(parseTypedNumber('twee')).toBeNull();
  });
});

describe('form schemas from the model', () => {
  it('asks for required fields and checks dates, numbers and codes with message codes', () => {
    const schema = formSchema('activities', ['kind', 'start_date', 'end_date'], TODAY, { required: ['end_date'] });
    const r = schema.safeParse({ kind: '', start_date: '31-02-2026', end_date: '' });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toEqual({ kind: 'required', start_date: 'date', end_date: 'required' });
    expect(formSchema('placements', ['hours_per_week'], TODAY).safeParse({ hours_per_week: '32,5' }).success).toBe(
      true,
    );
    expect(formSchema('clients', ['bsn'], TODAY).safeParse({ bsn: '123456789' }).error?.issues[0]?.message).toBe('bsn');
  });

  it('sends dates as ISO, leaves empty fields out on create and clears them on update', () => {
    expect(formValues('activities', { start_date: '3006', provider: '' }, TODAY)).toEqual({ start_date: '2026-06-30' });
    expect(formValues('activities', { start_date: '3006', provider: '' }, TODAY, 'clear')).toEqual({
      start_date: '2026-06-30',
      provider: '',
    });
  });
});

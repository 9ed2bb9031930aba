import { describe, expect, it } from 'vitest';
import { isValidBsn, maskBsn, normalizeBsn } from '../../../db/model/bsn.js';
import { isValidIban, isValidKvk, normalizePostcode } from '../../../db/model/checks.js';
import { parseDate } from '../../../db/model/calendar.js';

describe('BSN eleven-check', () => {
  it('accepts a number whose weighted sum is divisible by 11', () => {
    // 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3 - 1*8 = 61 -> not valid; 111222333: 9+8+7+12+10+8+9+6-3 = 66 -> valid
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
  });
  it('refuses a number that fails the check, all zeros, and wrong lengths', () => {
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('1234567')).toBe(false);
    expect(isValidBsn('1234567890')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });
  it('gives an 8-digit number a leading zero', () => {
    expect(normalizeBsn('12345672')).toBe('012345672');
    expect(isValidBsn('12345672')).toBe(isValidBsn('012345672'));
  });
  it('masks all but the last three digits', () => {
    expect(maskBsn('123456782')).toBe('******782');
  });
});

describe('Dutch identifiers and dates', () => {
  it('checks postcodes and refuses SA, SD and SS', () => {
    expect(normalizePostcode('8302ab')).toBe('8302 AB');
    expect(normalizePostcode('8302 SS')).toBeNull();
    expect(normalizePostcode('0302 AB')).toBeNull();
  });
  it('checks KvK numbers (8 digits) and IBANs (mod 97)', () => {
    expect(isValidKvk('12345678')).toBe(true);
    expect(isValidKvk('1234567')).toBe(false);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 01')).toBe(false);
  });
  it('reads ISO and Dutch dates and refuses dates that do not exist', () => {
    expect(parseDate('2016-01-31')).toBe('2016-01-31');
    expect(parseDate('31-01-2016')).toBe('2016-01-31');
    expect(parseDate('1-2-2016')).toBe('2016-02-01');
    expect(parseDate('2015-02-29')).toBeNull();
    expect(parseDate('31/13/2016')).toBeNull();
  });
});

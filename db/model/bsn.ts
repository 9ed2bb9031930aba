// BSN (burgerservicenummer) rules from DOMAIN.md: 9 digits (8 digits get a leading zero),
// the eleven-check 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, and not all zeros.
// Passing the check does not prove the number was ever issued.

/** Normalises input to 9 digits, or returns null when it cannot be a BSN at all. */
export function normalizeBsn(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return null;
  return digits.padStart(9, '0');
}

/** The ninth digit that makes the first eight pass the eleven-check, or null when none does. */
export function bsnCheckDigit(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(first8[i]);
  const check = sum % 11;
  return check > 9 ? null : String(check);
}

export function isValidBsn(input: string): boolean {
  const bsn = normalizeBsn(input);
  if (bsn === null || bsn === '000000000') return false;
  return bsnCheckDigit(bsn.slice(0, 8)) === bsn[8];
}

/** Whether a search query is a BSN (8 or 9 digits): a BSN lookup, audited and only for BSN roles. */
export function isBsnQuery(query: string | undefined): boolean {
  return /^\s*\d{8,9}\s*$/.test(query ?? '');
}

/** Masks a BSN for display in lists and logs: only the last three digits stay readable. */
export function maskBsn(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}

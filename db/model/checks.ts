// Format checks for Dutch identifiers and contact data (DOMAIN.md "Rules").

export const POSTCODE_RE = /^[1-9][0-9]{3} ?[A-Z]{2}$/;

/** Postcode 1234 AB; SA, SD and SS are never issued. Returns the canonical "1234 AB" or null. */
export function normalizePostcode(input: string): string | null {
  const s = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!POSTCODE_RE.test(s)) return null;
  const letters = s.slice(-2);
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return `${s.slice(0, 4)} ${letters}`;
}

/** KvK number: exactly 8 digits, no check digit. */
export function isValidKvk(input: string): boolean {
  return /^\d{8}$/.test(input);
}

/** IBAN mod-97 check. */
export function isValidIban(input: string): boolean {
  const s = input.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

// VUM: telefoonnummer max 20 characters of digits, spaces, + - ( ).
export const PHONE_RE = /^\+?[0-9][0-9 ()-]{5,18}[0-9]$/;
// A pragmatic e-mail check (the VUM spec allows RFC 5322 addresses up to 254 characters).
export const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

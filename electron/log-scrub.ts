// Removes personal data from text before it goes into the local error log: BSNs (nine digits,
// also written with dots, spaces or dashes), e-mail addresses, phone numbers, IBANs, postcodes,
// dates (a birth date is personal data), the user's home folder, and every known value passed in
// (user and device names, colleagues' names). Pure. A client's name that the caller does not know
// cannot be recognised by its shape: that is why the log keeps messages short (error-log.ts) and
// the contract never puts record contents in internal errors (db/api/dispatch.ts).
export interface ScrubOptions {
  /** Names and other values that must never appear (any case). */
  known?: readonly string[];
  /** The user's home folder (C:\Users\jan.devries, /home/jan): becomes ~. */
  home?: string;
}

const NOT_ALNUM_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_ALNUM_AFTER = '(?![\\p{L}\\p{N}])';
/** Name particles and short words that would wipe half a stack trace when scrubbed on their own. */
const PARTICLES = new Set([
  'van',
  'der',
  'den',
  'de',
  'het',
  'ter',
  'ten',
  'te',
  'op',
  'in',
  'la',
  'le',
  'du',
  'von',
  'zu',
  'el',
  'al',
  'bin',
]);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PATTERNS: [RegExp, string][] = [
  // e-mail before anything eats its digits
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, '[e-mail]'],
  // IBAN, with or without the usual groups of four
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g, '[iban]'],
  // international phone numbers: +31 6 12345678, 0031 (0)6-1234 5678
  [/(?<![\p{L}\p{N}])(?:\+|00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?(?:\d[\s.-]?){6,11}\d(?![\p{N}])/gu, '[telefoon]'],
  // national phone numbers: 06-12345678, 0527-123456, 0527 12 34 56 (ten digits starting with 0)
  [/(?<![\p{L}\p{N}])0(?:[\s.-]?\d){9}(?![\p{N}])/gu, '[telefoon]'],
  // BSN: nine digits, also 123.456.782, 1234 56 782, 123-456-782
  [/(?<![\p{L}\p{N}])(?:\d[\s.-]?){8}\d(?![\p{N}])/gu, '[bsn]'],
  // dates: 2001-02-03, 03-02-2001, 3/2/2001
  [/(?<![\p{N}])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?![\p{N}])/gu, '[datum]'],
  // Dutch postcode 8302 AB
  [/(?<![\p{L}\p{N}])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu, '[postcode]'],
];

function knownPattern(values: readonly string[]): RegExp | null {
  const words = new Set<string>();
  for (const raw of values) {
    const v = raw.trim();
    if (v.length < 2) continue;
    words.add(v);
    for (const part of v.split(/[\s.,_@-]+/)) {
      if (part.length >= 3 && !PARTICLES.has(part.toLowerCase())) words.add(part);
    }
  }
  if (!words.size) return null;
  // Longest first, so "Jan de Vries" goes as a whole before "Vries" does.
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`${NOT_ALNUM_BEFORE}(?:${alternatives.join('|')})${NOT_ALNUM_AFTER}`, 'giu');
}

export function scrubLog(text: string, opts: ScrubOptions = {}): string {
  let out = text;
  if (opts.home && opts.home.length > 3) {
    const forms = new Set([opts.home, opts.home.replace(/\\/g, '/'), encodeURI(opts.home.replace(/\\/g, '/'))]);
    for (const f of forms) out = out.replace(new RegExp(escape(f), 'gi'), '~');
  }
  // Other users' profile folders (a path from a crash dump of another account).
  out = out.replace(/([\\/](?:Users|home|Documents and Settings)[\\/])[^\\/\s'"]+/gi, '$1[gebruiker]');
  const known = knownPattern(opts.known ?? []);
  if (known) out = out.replace(known, '[naam]');
  for (const [re, label] of PATTERNS) out = out.replace(re, label);
  return out;
}

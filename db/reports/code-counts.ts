// Counts per code (exit reason, referrer) in code-list order, with Dutch labels: the shape
// `[{code, label, count}]` of CONTRACTS.md, only codes with a count above zero. Codes outside
// the list (older data, other laptops' newer lists) follow in alphabetical order.
import { CODE_LISTS, labelOf, type CodeListName } from '../model/codes.js';
import type { Bucket, Hit } from './query.js';

export interface CodeCount {
  code: string | null;
  label: string;
  count: number;
}

export function codeCounts(
  list: CodeListName,
  buckets: Map<string | null, Bucket>,
): { rows: CodeCount[]; hits: Hit[][] } {
  const known = Object.keys(CODE_LISTS[list]);
  const others = [...buckets.keys()].filter((k): k is string => k !== null && !known.includes(k)).sort();
  const order: (string | null)[] = [...known, ...others, null];
  const rows: CodeCount[] = [];
  const hits: Hit[][] = [];
  for (const code of order) {
    const b = buckets.get(code);
    if (!b || b.count === 0) continue;
    rows.push({ code, label: code === null ? 'Onbekend' : labelOf(list, code), count: b.count });
    hits.push(b.hits);
  }
  return { rows, hits };
}

// A caseload built like the seed report's 2016 (chapter 4.2, figures 4.1 and 4.2): 307 clients
// on 1 January 2016, an inflow peak of 37 in January that falls and levels off, an outflow of
// about 16 a month, 64 exits to regular work January-August - so the caseload shrinks from
// March and is about ten percent lower in August than in January. The builder keeps its own
// books (expected months), independent of the report code.
import type { ClientSpec } from './fixture.js';

export const INFLOW = [37, 20, 11, 10, 10, 9, 10, 9];
export const OUTFLOW = [16, 15, 17, 16, 16, 17, 15, 16];
const OTHER_REASONS = ['work_subsidized', 'education', 'referred_social_team', 'moved', 'other_income', 'other'];
const MANAGERS = ['A. Jansen', 'B. de Vries', 'C. Bakker', 'D. Visser', 'E. Smit', 'F. Mulder'];
const REFERRERS = ['social_team', 'social_team', 'social_team', 'uwv', 'school', 'urk', 'self'];

function day(month: number, d: number): string {
  return `2016-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface Seed {
  clients: ClientSpec[];
  months: { month: string; start: number; inflow: number; outflow: number; end: number }[];
  baseline: number;
  regularExits: number;
  /** The client who leaves in March and comes back in May. */
  returning: string;
  /** The client whose exit is dated 1 January 2016. */
  exitOnNewYear: string;
}

export function seed2016(): Seed {
  const clients: ClientSpec[] = [];
  let n = 0;
  const ref = () => `K${String(++n).padStart(6, '0')}`;
  const period = (intake: string, i: number) => ({
    intake,
    manager: MANAGERS[i % MANAGERS.length],
    referrer: REFERRERS[i % REFERRERS.length],
  });
  // History: 40 clients who left during 2015 are not in the 1 January baseline.
  for (let i = 0; i < 40; i++) {
    clients.push({
      ref: ref(),
      periods: [
        {
          ...period(`2014-${String((i % 12) + 1).padStart(2, '0')}-10`, i),
          exit: `2015-${String((i % 12) + 1).padStart(2, '0')}-20`,
          reason: i % 2 ? 'work_regular' : 'moved',
        },
      ],
    });
  }
  // The baseline: 307 clients in the caseload at the end of 31 December 2015.
  const pool: ClientSpec[] = [];
  for (let i = 0; i < 307; i++) {
    const c: ClientSpec = {
      ref: ref(),
      birth_date: `19${70 + (i % 28)}-05-0${(i % 9) + 1}`,
      periods: [period(`2015-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, i)],
    };
    clients.push(c);
    pool.push(c);
  }
  const months: Seed['months'] = [];
  let caseload = 307;
  let exitNo = 0;
  let returning = '';
  let exitOnNewYear = '';
  const leftInMarch: ClientSpec[] = [];
  for (let m = 1; m <= 8; m++) {
    // Outflow: the longest-waiting clients first; exits on several days, the first on 1 January.
    for (let k = 0; k < OUTFLOW[m - 1]!; k++) {
      const c = pool.shift()!;
      const p = c.periods[c.periods.length - 1]!;
      p.exit = m === 1 && k === 0 ? '2016-01-01' : day(m, 2 + ((k * 3) % 27));
      if (m === 1 && k === 0) exitOnNewYear = c.ref;
      // Every second exit is to regular work (one in eight of those as self-employed): 64 in 128.
      p.reason =
        exitNo % 2 === 0
          ? exitNo % 16 === 0
            ? 'self_employed'
            : 'work_regular'
          : OTHER_REASONS[(exitNo >> 1) % OTHER_REASONS.length];
      if (m === 3 && p.reason !== 'work_regular' && p.reason !== 'self_employed' && !leftInMarch.length)
        leftInMarch.push(c);
      exitNo++;
    }
    // Inflow: new clients (intake on the first of the month for the first one), and in May the
    // client who left in March comes back.
    for (let k = 0; k < INFLOW[m - 1]!; k++) {
      if (m === 5 && k === 0) {
        const c = leftInMarch[0]!;
        c.periods.push(period(day(5, 9), k));
        returning = c.ref;
        pool.push(c);
        continue;
      }
      const c: ClientSpec = {
        ref: ref(),
        birth_date: `19${80 + (k % 20)}-03-1${k % 10}`,
        periods: [period(day(m, 1 + ((k * 5) % 28)), k)],
      };
      clients.push(c);
      pool.push(c);
    }
    const start = caseload;
    caseload = start + INFLOW[m - 1]! - OUTFLOW[m - 1]!;
    months.push({
      month: `2016-${String(m).padStart(2, '0')}`,
      start,
      inflow: INFLOW[m - 1]!,
      outflow: OUTFLOW[m - 1]!,
      end: caseload,
    });
  }
  const regularExits = clients
    .flatMap((c) => c.periods)
    .filter(
      (p) => p.exit && p.exit >= '2016-01-01' && (p.reason === 'work_regular' || p.reason === 'self_employed'),
    ).length;
  return { clients, months, baseline: 307, regularExits, returning, exitOnNewYear };
}

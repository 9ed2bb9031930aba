// The kinds of signal on Mijn werk (db/work/signals.ts computes them; the contract's output and
// the renderer name them). Pure.
export const SIGNAL_KINDS = [
  'no_contact',
  'activity_ending',
  'placement_ending',
  'subsidy_review',
  'register_check',
  'nazorg_due',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

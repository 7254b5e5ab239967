// How a variance reads: the signed amount and %, a word that says which way
// it goes (so colour is never the only sign) and its tone.

import type { Variance } from '../lib/budgetTypes';
import { signedDollars, signedPercent } from './money';

export interface VarianceText {
  amount: string;
  percent: string;
  /** "under" budget (favourable), "over" (unfavourable) or "on budget". */
  word: 'under' | 'over' | 'on budget';
  tone: 'fav' | 'unfav' | 'even';
  title: string;
}

export function varianceText(v: Variance): VarianceText {
  const word = v.variance_cents === 0 ? 'on budget' : v.favourable ? 'under' : 'over';
  const tone = v.variance_cents === 0 ? 'even' : v.favourable ? 'fav' : 'unfav';
  const amount = signedDollars(v.variance_cents);
  const percent = signedPercent(v.variance_bp);
  const title =
    word === 'on budget'
      ? 'On budget'
      : `${amount} (${percent}) ${word} budget: ${v.favourable ? 'favourable' : 'unfavourable'}`;
  return { amount, percent, word, tone, title };
}

import { describe, expect, it } from 'vitest';
import { varianceText } from './variance';

const v = (budget: number, actual: number, bp: number | null) => ({
  budget_cents: budget, actual_cents: actual, variance_cents: budget - actual, variance_bp: bp, favourable: budget - actual >= 0,
});

describe('varianceText', () => {
  it('says over budget with a minus, in words as well as tone', () => {
    const t = varianceText(v(100_000_00, 104_550_00, -455));
    expect(t).toMatchObject({ amount: '-$4,550', percent: '-4.6%', word: 'over', tone: 'unfav' });
    expect(t.title).toBe('-$4,550 (-4.6%) over budget: unfavourable');
  });
  it('says under budget with a plus', () => {
    expect(varianceText(v(100_000_00, 90_000_00, 1000))).toMatchObject({ amount: '+$10,000', percent: '+10.0%', word: 'under', tone: 'fav' });
  });
  it('says on budget at zero, and no % without a budget', () => {
    expect(varianceText(v(500, 500, 0))).toMatchObject({ word: 'on budget', tone: 'even', amount: '$0' });
    expect(varianceText(v(0, 2500, null))).toMatchObject({ percent: '—', word: 'over' });
  });
});

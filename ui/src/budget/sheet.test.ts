import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../lib/budgetTypes';
import { byCategory, lineInput, monthTotals } from './sheet';

function line(id: number, category: BudgetLine['category'], monthly: number[]): BudgetLine {
  return {
    id, fiscal_year_id: 1, category, name: `L${id}`, gl_account: '', spread: 'even',
    annual_cents: monthly.reduce((a, b) => a + b, 0), monthly_cents: monthly,
  };
}

describe('byCategory', () => {
  it('orders groups by the standard categories and keeps line order within them', () => {
    const lines = [line(1, 'medical_supplies', []), line(2, 'overtime', []), line(3, 'medical_supplies', []), line(4, 'productive_salaries', [])];
    const groups = byCategory(lines, (l) => l);
    expect(groups.map((g) => g.category)).toEqual(['productive_salaries', 'overtime', 'medical_supplies']);
    expect(groups[2].lines.map((l) => l.id)).toEqual([1, 3]);
    expect(groups[2].label).toBe('Medical supplies');
  });
});

describe('monthTotals', () => {
  it('adds the lines month by month', () => {
    const m = (v: number) => Array(12).fill(v);
    expect(monthTotals([line(1, 'other', m(100)), line(2, 'other', m(7))])).toEqual(m(107));
    expect(monthTotals([])).toEqual(m(0));
  });
});

describe('lineInput', () => {
  it('turns a stored line back into what would be typed', () => {
    const l = { ...line(1, 'pharmacy', [...Array(11).fill(1000_00), 1000_05]), spread: 'typed' as const };
    const input = lineInput(l);
    expect(input.annual).toBe('12000.05');
    expect(input.monthly[11]).toBe('1000.05');
    expect(input.spread).toBe('typed');
    expect(lineInput(null).monthly).toHaveLength(12);
    expect(lineInput(null).category).toBeNull();
  });
});

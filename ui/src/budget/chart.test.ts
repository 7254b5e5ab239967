import { describe, expect, it } from 'vitest';
import type { FiscalYear, SheetLine } from '../lib/budgetTypes';
import { chartSeries, lineMonths } from './chart';

const month = (index: number, label: string, budget: number, actual: number | null) => ({
  index, label, budget_cents: budget, actual_cents: actual,
});

describe('chartSeries', () => {
  it('keeps cents, leaves months without actuals empty and names the years', () => {
    const s = chartSeries(
      [month(0, 'Jul 2026', 100_000_00, 104_550_00), month(1, 'Aug 2026', 100_000_00, 0), month(6, 'Jan 2027', 90_000_00, null)],
      'FY2027',
    );
    expect(s.labels).toEqual(['Jul 26', 'Aug 26', 'Jan 27']);
    expect(s.budget).toEqual([100_000_00, 100_000_00, 90_000_00]);
    expect(s.actual).toEqual([104_550_00, 0, null]);
    expect(s.summary).toBe(
      'Budget and actual by month, FY2027: annual budget $290,000; Jul 2026 budget $100,000, actual $104,550; Aug 2026 budget $100,000, actual $0.',
    );
  });
  it('uses month names alone within one calendar year and says when nothing is in', () => {
    const s = chartSeries([month(0, 'Jan 2027', 500, null), month(1, 'Feb 2027', 500, null)], 'FY2027');
    expect(s.labels).toEqual(['Jan', 'Feb']);
    expect(s.summary).toBe('Budget and actual by month, FY2027: annual budget $10; no actuals yet.');
  });
});

describe('lineMonths', () => {
  it("takes one line's budget and actual by month, none where nothing is in", () => {
    const cell = (budget: number, actual: number, has: boolean) => ({
      budget_cents: budget, typed_actual_cents: null, expenses_cents: actual, expense_count: has ? 1 : 0,
      actual_cents: actual, has_actual: has, explanation: '',
    });
    const year = { months: [{ index: 0, month: '2026-07', label: 'Jul 2026', days: 31 }, { index: 1, month: '2026-08', label: 'Aug 2026', days: 31 }] } as FiscalYear;
    const line = { line: {} as SheetLine['line'], months: [cell(100, 120, true), cell(100, 0, false)] } as SheetLine;
    expect(lineMonths(line, year)).toEqual([
      { index: 0, label: 'Jul 2026', budget_cents: 100, actual_cents: 120 },
      { index: 1, label: 'Aug 2026', budget_cents: 100, actual_cents: null },
    ]);
  });
});

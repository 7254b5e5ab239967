// The variance chart's data: budget and actual by month in cents (the axis
// and tooltips format them back with integer arithmetic), and a sentence
// that says the same for anyone who cannot see the chart.

import type { ChartMonth, FiscalYear, SheetLine } from '../lib/budgetTypes';
import { dollars } from './money';

export interface ChartSeries {
  labels: string[];
  budget: number[];
  /** null where a month has no actual yet: the bar is left out, not drawn as 0. */
  actual: (number | null)[];
  summary: string;
}

/** "Jul 2026" → "Jul" unless the months span two calendar years, then "Jul 26". */
function shortLabel(label: string, twoYears: boolean): string {
  const [mon, year] = label.split(' ');
  return twoYears && year ? `${mon} ${year.slice(2)}` : mon;
}

export function chartSeries(months: readonly ChartMonth[], yearLabel: string): ChartSeries {
  const years = new Set(months.map((m) => m.label.split(' ')[1]));
  const labels = months.map((m) => shortLabel(m.label, years.size > 1));
  const withActual = months.filter((m) => m.actual_cents !== null);
  const parts = withActual.map((m) => `${m.label} budget ${dollars(m.budget_cents)}, actual ${dollars(m.actual_cents ?? 0)}`);
  const budgetTotal = months.reduce((a, m) => a + m.budget_cents, 0);
  const summary =
    `Budget and actual by month, ${yearLabel}: annual budget ${dollars(budgetTotal)}; ` +
    (withActual.length === 0 ? 'no actuals yet.' : `${parts.join('; ')}.`);
  return {
    labels,
    budget: months.map((m) => m.budget_cents),
    actual: months.map((m) => m.actual_cents),
    summary,
  };
}

/** One line's months in the chart's shape: a month without any actual has none. */
export function lineMonths(line: SheetLine, year: FiscalYear): ChartMonth[] {
  return year.months.map((m, i) => ({
    index: m.index,
    label: m.label,
    budget_cents: line.months[i].budget_cents,
    actual_cents: line.months[i].has_actual ? line.months[i].actual_cents : null,
  }));
}

// The budget sheet grouped by category, in the categories' standard order,
// with each group's and the year's totals (integer cents).

import type { BudgetLine, BudgetLineInput, Category } from '../lib/budgetTypes';
import { BUDGET_CATEGORIES } from '../lib/budgetTypes';
import { centsInput } from '../lib/format';

export interface LineGroup<L> {
  category: Category;
  label: string;
  lines: L[];
}

/** Groups items by their line's category; empty categories are left out. */
export function byCategory<L>(items: readonly L[], lineOf: (item: L) => Pick<BudgetLine, 'category'>): LineGroup<L>[] {
  return BUDGET_CATEGORIES.map((c) => ({
    category: c.code,
    label: c.label,
    lines: items.filter((i) => lineOf(i).category === c.code),
  })).filter((g) => g.lines.length > 0);
}

/** Twelve monthly sums of the given lines. */
export function monthTotals(lines: readonly Pick<BudgetLine, 'monthly_cents'>[]): number[] {
  const totals = Array<number>(12).fill(0);
  for (const l of lines) l.monthly_cents.forEach((c, i) => (totals[i] += c));
  return totals;
}

export const categoryLabel = (code: Category) => BUDGET_CATEGORIES.find((c) => c.code === code)?.label ?? code;

/** The line form: empty for a new line, or the stored line as it would be typed. */
export function lineInput(line: BudgetLine | null): BudgetLineInput {
  if (!line) return { category: null, name: '', gl_account: '', annual: '', spread: 'even', monthly: Array(12).fill('') };
  return {
    category: line.category,
    name: line.name,
    gl_account: line.gl_account,
    annual: centsInput(line.annual_cents),
    spread: line.spread,
    monthly: line.monthly_cents.map(centsInput),
  };
}

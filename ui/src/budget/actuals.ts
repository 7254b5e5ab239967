// The actuals grid's bookkeeping: a key per line and month, the text each
// cell starts with, and where the arrow keys go.

import type { SheetLine } from '../lib/budgetTypes';
import { money } from '../lib/format';
import { plainDollars } from './money';

export interface CellRef {
  lineId: number;
  month: number;
}

export const cellKey = (c: CellRef) => `${c.lineId}:${c.month}`;

/** The typed (or imported) actual, grouped like the Sheet's figures but to
 * the cent, as it may be typed again ("345,750.67"); "" when none. */
export function typedText(line: SheetLine, month: number): string {
  const c = line.months[month]?.typed_actual_cents;
  return c === null || c === undefined ? '' : money(c).replace('$', '');
}

/** The month's actual in whole dollars, grouped as on the Sheet
 * ("345,751"), for a cell not being typed in — finance's figure, or the
 * logged expenses standing in for it, so the column adds up to its total;
 * "" when none. */
export function shownText(line: SheetLine, month: number): string {
  const c = line.months[month];
  return c?.has_actual ? plainDollars(c.actual_cents) : '';
}

/** The cell an arrow key moves to, clamped to the grid; null for other keys. */
export function moveCell(order: readonly number[], at: CellRef, key: string): CellRef | null {
  const row = order.indexOf(at.lineId);
  if (row < 0) return null;
  const clampRow = (r: number) => order[Math.max(0, Math.min(order.length - 1, r))];
  switch (key) {
    case 'ArrowUp':
      return { lineId: clampRow(row - 1), month: at.month };
    case 'ArrowDown':
    case 'Enter':
      return { lineId: clampRow(row + 1), month: at.month };
    default:
      return null;
  }
}

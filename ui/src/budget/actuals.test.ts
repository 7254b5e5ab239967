import { describe, expect, it } from 'vitest';
import type { SheetLine } from '../lib/budgetTypes';
import { cellKey, moveCell, shownText, typedText } from './actuals';

const cell = (typed: number | null) => ({
  budget_cents: 0, typed_actual_cents: typed, expenses_cents: 0, expense_count: 0, actual_cents: typed ?? 0,
  has_actual: typed !== null, explanation: '',
});

describe('actuals grid', () => {
  it('shows a typed actual grouped to the cent, as it may be typed, and nothing for none', () => {
    const line = { line: {} as SheetLine['line'], months: [cell(34_575_067), cell(null), cell(-5), cell(1_234_56)] } as SheetLine;
    expect(typedText(line, 0)).toBe('345,750.67');
    expect(typedText(line, 3)).toBe('1,234.56');
    expect(typedText(line, 1)).toBe('');
    expect(typedText(line, 2)).toBe('-0.05');
    // Not being typed in: whole dollars as on the Sheet, never cut off.
    expect(shownText(line, 0)).toBe('345,751');
    expect(shownText(line, 1)).toBe('');
    expect(shownText(line, 3)).toBe('1,235');
  });
  it('shows logged expenses as the actual of a month finance has not given yet', () => {
    const logged = { ...cell(null), expenses_cents: 45_350, expense_count: 2, actual_cents: 45_350, has_actual: true };
    const line = { line: {} as SheetLine['line'], months: [logged] } as SheetLine;
    expect(shownText(line, 0)).toBe('454');
    expect(typedText(line, 0)).toBe(''); // nothing typed: the cell is typed into empty
  });
  it('moves up and down within the month, stopping at the edges', () => {
    const order = [7, 3, 9];
    expect(moveCell(order, { lineId: 3, month: 4 }, 'ArrowDown')).toEqual({ lineId: 9, month: 4 });
    expect(moveCell(order, { lineId: 9, month: 4 }, 'Enter')).toEqual({ lineId: 9, month: 4 });
    expect(moveCell(order, { lineId: 7, month: 4 }, 'ArrowUp')).toEqual({ lineId: 7, month: 4 });
    expect(moveCell(order, { lineId: 7, month: 4 }, 'ArrowLeft')).toBeNull();
    expect(cellKey({ lineId: 7, month: 4 })).toBe('7:4');
  });
});

import { describe, expect, it } from 'vitest';
import type { ShiftSwap } from '../lib/bindings';
import { cellKey } from './grid';
import { swapMap } from './swaps';

const swap = (over: Partial<ShiftSwap>): ShiftSwap => ({
  id: 1, staff_id: 1, name: 'Ana Ruiz', date: '2027-01-12', shift_code: 'N', with_staff_id: 2, with_name: 'Ben Ode',
  with_date: '2027-01-14', with_shift_code: 'D', approved: true, note: '', decided_at: '2026-12-07T10:00:00Z', ...over,
});

describe('swapMap', () => {
  it('marks both cells that received a shift', () => {
    const m = swapMap([swap({})]);
    expect(m.get(cellKey(2, '2027-01-12'))).toBe('Swap approved 7 Dec: Ana Ruiz gave N on 12 Jan to Ben Ode');
    expect(m.get(cellKey(1, '2027-01-14'))).toBe('Swap approved 7 Dec: Ben Ode gave D on 14 Jan to Ana Ruiz');
    expect(m.size).toBe(2);
  });

  it('marks one cell for a shift given away, none for a declined swap', () => {
    expect(swapMap([swap({ with_date: null, with_shift_code: null })]).size).toBe(1);
    expect(swapMap([swap({ approved: false })]).size).toBe(0);
  });

  it('says the newest swap of a cell', () => {
    const older = swap({ id: 1, decided_at: '2026-12-01T10:00:00Z', with_date: null, with_shift_code: null });
    const newer = swap({ id: 2, decided_at: '2026-12-05T10:00:00Z', name: 'Cy Li', staff_id: 3, with_date: null, with_shift_code: null });
    expect(swapMap([newer, older]).get(cellKey(2, '2027-01-12'))).toContain('Cy Li');
  });
});

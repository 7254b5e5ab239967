import { describe, expect, it } from 'vitest';
import type { DayStaffing, NeedCount } from '../lib/bindings';
import { staffingTable } from './staffing';

const need = (label: string, scheduled: number, minimum: number): NeedCount => ({
  label,
  requirement: { kind: 'role', value: 'RN' },
  scheduled,
  minimum,
  target: minimum,
  status: scheduled < minimum ? 'short' : 'ok',
});

const day = (date: string, shifts: [string, string, NeedCount[]][]): DayStaffing => ({
  date,
  period_id: 1,
  shifts: shifts.map(([code, start, needs], i) => ({
    shift_type_id: i + 1,
    code,
    name: code,
    start,
    needs,
    status: 'ok',
  })),
});

describe('staffingTable', () => {
  it('puts both days side by side under the same need columns', () => {
    const t = staffingTable([
      day('2026-12-02', [['N', '19:00', [need('RN', 4, 5)]], ['D', '07:00', [need('RN', 5, 5), need('UC', 1, 1)]]]),
      day('2026-12-03', [['D', '07:00', [need('RN', 5, 5)]]]),
    ]);
    expect(t.columns).toEqual(['RN', 'UC']);
    expect(t.rows.map((r) => r.code)).toEqual(['D', 'N']);
    expect(t.rows[0].cells[0].map((c) => c?.scheduled ?? null)).toEqual([5, 1]);
    expect(t.rows[0].cells[1].map((c) => c?.scheduled ?? null)).toEqual([5, null]);
    expect(t.rows[1].cells[1]).toEqual([null, null]);
  });
});

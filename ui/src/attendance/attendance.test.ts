import { describe, expect, it } from 'vitest';
import type { PunchMapping } from '../lib/bindings';
import { changeText, clocked, day, handKeptText, mapColumn, mealsText, periodLabel } from './attendance';

const period = { start: '2026-11-08', end: '2026-11-21', approved: false, current: false, punches: 0 };

describe('periodLabel', () => {
  it('names the span and what the period waits for', () => {
    expect(periodLabel({ ...period, punches: 230 })).toBe('8 Nov – 21 Nov 2026 · to approve');
    expect(periodLabel({ ...period, punches: 230, approved: true })).toBe('8 Nov – 21 Nov 2026 · approved');
    expect(periodLabel(period)).toBe('8 Nov – 21 Nov 2026 · no punches');
    expect(periodLabel({ ...period, current: true, punches: 12 })).toBe('8 Nov – 21 Nov 2026 · current');
  });

  it('keeps both years across the new year', () => {
    expect(periodLabel({ ...period, start: '2026-12-27', end: '2027-01-09' })).toBe('27 Dec 2026 – 9 Jan 2027 · no punches');
  });
});

describe('mapColumn', () => {
  const m: PunchMapping = { has_header: true, columns: ['employee_no', 'date', 'time_in', null], date_order: 'month_first' };

  it('moves a field to the column chosen for it, so it is mapped once', () => {
    expect(mapColumn(m, 3, 'date').columns).toEqual(['employee_no', null, 'time_in', 'date']);
  });

  it('leaves a column out without touching the others', () => {
    expect(mapColumn(m, 0, null).columns).toEqual([null, 'date', 'time_in', null]);
  });
});

describe('day', () => {
  it('reads a date as a manager writes it', () => {
    expect(day('2026-03-01')).toBe('1 Mar 2026');
  });
});

describe('what an import does to its days', () => {
  const r = { from: '2026-12-06', to: '2026-12-06', added: 2, removed: 2, unchanged: 3, kept_by_hand: 0, left_out: 0 };
  it('counts added, removed and unchanged clocked shifts (pairs of punches)', () => {
    expect(changeText(r)).toBe('2 clocked shifts added, 2 removed, 3 unchanged');
    expect(changeText({ ...r, added: 1 })).toBe('1 clocked shift added, 2 removed, 3 unchanged');
  });
  it('says where the meal rule deducted the shift’s break', () => {
    expect(mealsText(1)).toBe("no meal column: the shift's unpaid break deducted from 1 clocked shift of 6 h or more (Settings)");
    expect(mealsText(120)).toContain('from 120 clocked shifts of 6 h or more');
  });
  it('counts the clock’s records as clocked shifts, one word everywhere', () => {
    expect(clocked(1)).toBe('1 clocked shift');
    expect(clocked(4)).toBe('4 clocked shifts');
    expect(clocked(0)).toBe('0 clocked shifts');
  });
  it('says hand corrections are kept and the file’s punches left out', () => {
    expect(handKeptText(r)).toBe('');
    expect(handKeptText({ ...r, kept_by_hand: 2, left_out: 2 })).toBe("2 clocked shifts corrected by hand are kept; the file's are left out");
    expect(handKeptText({ ...r, kept_by_hand: 1, left_out: 0 })).toBe('1 clocked shift corrected by hand is kept');
  });
});

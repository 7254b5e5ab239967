import { describe, expect, it } from 'vitest';
import type { CoverageCount, GridCell, SchedulePeriod } from '../lib/scheduleTypes';
import {
  cellText, cellTitle, coverageText, coverageTitle, lineGaps, dayHead, defaultPeriod, fteText, hourlyBadge, hours, moveCursor, nextPeriodStart, rowHours, rowHoursTitle, weekBands,
  cellKeys, periodRange, resolveTyped, typedAtPause, violationKeys,
} from './grid';

function period(id: number, start: string, end: string): SchedulePeriod {
  return { id, start_date: start, end_date: end, weeks: 6, status: 'draft', published_at: null };
}

const cell = (over: Partial<GridCell> = {}): GridCell => ({
  date: '2026-03-02', shift_code: null, shift_type_id: null, time_off: null, time_off_status: null,
  changed_after_publish: false, violation: null, locked: false, called_out: null, not_employed: null, ...over,
});

describe('defaultPeriod', () => {
  const a = period(1, '2026-01-04', '2026-02-14');
  const b = period(2, '2026-02-15', '2026-03-28');
  it('opens the period containing today, ends included', () => {
    expect(defaultPeriod([a, b], '2026-02-14')?.id).toBe(1);
    expect(defaultPeriod([a, b], '2026-02-15')?.id).toBe(2);
  });
  it('else the latest, else nothing', () => {
    expect(defaultPeriod([b, a], '2027-01-01')?.id).toBe(2);
    expect(defaultPeriod([a, b], '2025-01-01')?.id).toBe(2);
    expect(defaultPeriod([], '2026-01-01')).toBeNull();
  });
});

describe('nextPeriodStart', () => {
  it('is the day after the latest end, whatever the order, across a year end', () => {
    const old = period(1, '2024-11-03', '2024-12-14');
    const last = period(2, '2026-11-22', '2026-12-31');
    expect(nextPeriodStart([last, old])).toBe('2027-01-01');
    expect(nextPeriodStart([period(3, '2028-01-23', '2028-02-28')])).toBe('2028-02-29');
  });
  it('is blank with no period, so the backend chooses', () => {
    expect(nextPeriodStart([])).toBe('');
  });
});

describe('weekBands', () => {
  it('prints six weeks as two bands of three, five as three and two, four as two and two', () => {
    expect(weekBands(42)).toEqual([{ from: 0, to: 21 }, { from: 21, to: 42 }]);
    expect(weekBands(35)).toEqual([{ from: 0, to: 21 }, { from: 21, to: 35 }]);
    expect(weekBands(28)).toEqual([{ from: 0, to: 14 }, { from: 14, to: 28 }]);
  });
  it('keeps three weeks or fewer whole, and nothing for no days', () => {
    expect(weekBands(21)).toEqual([{ from: 0, to: 21 }]);
    expect(weekBands(7)).toEqual([{ from: 0, to: 7 }]);
    expect(weekBands(0)).toEqual([]);
  });
});

describe('texts', () => {
  it('names a period by its dates', () => {
    expect(periodRange(period(1, '2026-03-02', '2026-04-12'))).toBe('2 Mar – 12 Apr 2026');
    expect(periodRange(period(1, '2026-12-20', '2027-01-30'))).toBe('20 Dec 2026 – 30 Jan 2027');
  });
  it('heads a day with its weekday letter and day of month', () => {
    expect(dayHead('2026-03-02', 'Mon')).toEqual({ letter: 'M', day: '2' });
  });
  it('shows hours without needless decimals', () => {
    expect(hours(2220)).toBe('37');
    expect(hours(2250)).toBe('37.5');
    expect(hours(0)).toBe('0');
  });
  it('shows the shift, else the time off, else nothing', () => {
    expect(cellText(cell({ shift_code: 'N' }))).toBe('N');
    expect(cellText(cell({ time_off: 'pto', time_off_status: 'approved' }))).toBe('PTO');
    expect(cellText(cell())).toBe('');
    expect(cellTitle('Lopez, Maria', cell({ shift_code: 'D', changed_after_publish: true, violation: 'block' })))
      .toBe('Lopez, Maria, 2 Mar 2026 · shift D · changed after publishing · rule broken');
    expect(cellTitle('Lopez, Maria', cell({ locked: true }))).toBe('Lopez, Maria, 2 Mar 2026 · off · locked');
    expect(cellTitle('Lopez, Maria', cell({ not_employed: 'Left: last day worked 1 Mar' }))).toBe('Lopez, Maria, 2 Mar 2026 · off · Left: last day worked 1 Mar');
  });
  it('marks a called-out cell and says who called out and when', () => {
    const text = 'Maria Lopez called out of the Day shift (D); recorded Tue 8 Dec at 06:12';
    expect(cellText(cell({ called_out: text, changed_after_publish: true }))).toBe('CO');
    expect(cellText(cell({ called_out: text, shift_code: 'N' }))).toBe('N');
    expect(cellText(cell({ called_out: text, time_off: 'sick', time_off_status: 'approved' }))).toBe('Sick');
    expect(cellTitle('Lopez, Maria', cell({ called_out: text, changed_after_publish: true })))
      .toBe(`Lopez, Maria, 2 Mar 2026 · off · ${text} · changed after publishing`);
  });
  it('counts coverage against the minimum and says the gap', () => {
    const short: CoverageCount = { scheduled: 5, minimum: 6, target: 7, status: 'short' };
    expect(coverageText(short)).toBe('5/6');
    expect(coverageTitle('Day · RN', '2026-03-02', short)).toBe('Day, 2 Mar 2026: 5 of 6 RN (minimum 6, target 7) — short by 1');
    expect(coverageText({ scheduled: 0, minimum: 0, target: 0, status: 'none' })).toBe('');
  });
  it('counts a skill line by the need it meets, not by everyone who holds the skill', () => {
    // Issue 21 i: "Day · Charge 5/1" read as five charge nurses.
    const charge: CoverageCount = { scheduled: 5, minimum: 1, target: 1, status: 'ok' };
    expect(coverageText(charge, true)).toBe('1/1');
    expect(coverageTitle('Day · Charge', '2026-03-02', charge, true)).toBe('Day, 2 Mar 2026: 1 of 1 Charge (minimum 1; 5 people on the shift hold it)');
    const none: CoverageCount = { scheduled: 0, minimum: 1, target: 1, status: 'short' };
    expect(coverageText(none, true)).toBe('0/1');
    expect(coverageTitle('Day · Charge', '2026-03-02', none, true)).toBe('Day, 2 Mar 2026: 0 of 1 Charge (minimum 1; 0 people on the shift hold it) — short by 1');
    const roles: CoverageCount = { scheduled: 5, minimum: 5, target: 5, status: 'ok' };
    expect(coverageText(roles)).toBe('5/5');
    expect(coverageTitle('Day · RN', '2026-03-02', roles)).toBe('Day, 2 Mar 2026: 5 of 5 RN (minimum 5)');
  });
  it('writes a row’s paid hours against the target the backend sends, never rounded to the hour', () => {
    // 195.5 h once read "196/240" beside a total of "195.5".
    expect(rowHours(195.5 * 60, 240 * 60)).toEqual({ text: `${hours(195.5 * 60)}/240`, goal: '240', over: false, why: null });
    expect(rowHours(195.5 * 60, 240 * 60).text).toBe('195.5/240');
    // Over means over: half an hour past the target is over, the target itself is not.
    expect(rowHours(240 * 60, 240 * 60).over).toBe(false);
    expect(rowHours(240 * 60 + 30, 240 * 60).over).toBe(true);
    // Issue 21 item 4: a 0.6 FTE's 13 shifts of 11.5 h (149.5 h of 144 h) is
    // as near as whole shifts come; a fourteenth (161 h) is over.
    expect(rowHours(149.5 * 60, 144 * 60, null, 13).over).toBe(false);
    expect(rowHours(161 * 60, 144 * 60, null, 14).over).toBe(true);
    expect(rowHours(143.75 * 60, 144 * 60).text).toBe('143.75/144');
  });
  it('shows only the hours where there is no target, never "180/—", and never calls them over', () => {
    expect(rowHours(207 * 60, null, 'per diem, paid by the hour')).toEqual({ text: '207 h', goal: null, over: false, why: 'per diem, paid by the hour' });
    expect(rowHours(180 * 60, null, 'no LPN coverage set').text).toBe('180 h');
    expect(rowHours(180 * 60, null).text).not.toContain('—');
  });
  it('says in the hours title why there is no target, with the hint to set coverage', () => {
    const t = { paid_minutes: 180 * 60, paid_time_off_minutes: 0, target_minutes: null, fte_hundredths: 90, no_target: 'no LPN coverage set' };
    expect(rowHoursTitle(t, 'full_time')).toBe('180 paid hours · no target: no LPN coverage set. Set it in Settings → Coverage to give them target hours');
    expect(rowHoursTitle({ ...t, no_target: 'agency, paid by the hour' }, 'agency')).toBe('180 paid hours · no target: agency, paid by the hour');
    expect(rowHoursTitle({ ...t, target_minutes: 216 * 60 }, 'full_time')).toBe('180 of 216 paid hours for FTE 0.90');
  });
  it('shows no FTE for agency or per diem staff and labels rows paid by the hour', () => {
    expect(fteText(90, 'agency')).toBe('—');
    // Issue 21, the tester's item 5: per diem read "0.00" beside agency's "—".
    expect(fteText(0, 'per_diem')).toBe('—');
    expect(fteText(90, 'full_time')).toBe('0.90');
    expect(fteText(0)).toBe('0.00');
    expect(hourlyBadge('per_diem')?.text).toBe('PRN');
    expect(hourlyBadge('agency')?.text).toBe('Agency');
    expect(hourlyBadge('full_time')).toBeNull();
    expect(hourlyBadge('part_time')).toBeNull();
  });
});

describe('moveCursor', () => {
  const at = { row: 2, col: 10 };
  it('moves by arrows and stops at the edges', () => {
    expect(moveCursor(at, 'ArrowUp', 5, 42)).toEqual({ row: 1, col: 10 });
    expect(moveCursor({ row: 0, col: 0 }, 'ArrowUp', 5, 42)).toEqual({ row: 0, col: 0 });
    expect(moveCursor({ row: 4, col: 41 }, 'ArrowRight', 5, 42)).toEqual({ row: 4, col: 41 });
  });
  it('goes to the row ends with Home/End, the grid ends with Ctrl', () => {
    expect(moveCursor(at, 'Home', 5, 42)).toEqual({ row: 2, col: 0 });
    expect(moveCursor(at, 'End', 5, 42)).toEqual({ row: 2, col: 41 });
    expect(moveCursor(at, 'End', 5, 42, true)).toEqual({ row: 4, col: 41 });
  });
  it('moves a week with PageUp/PageDown', () => {
    expect(moveCursor(at, 'PageDown', 5, 42)).toEqual({ row: 2, col: 17 });
    expect(moveCursor(at, 'PageUp', 5, 42)).toEqual({ row: 2, col: 3 });
    expect(moveCursor({ row: 0, col: 38 }, 'PageDown', 5, 42)).toEqual({ row: 0, col: 41 });
  });
  it('ignores other keys and an empty grid', () => {
    expect(moveCursor(at, 'x', 5, 42)).toBeNull();
    expect(moveCursor(at, 'ArrowUp', 0, 42)).toBeNull();
  });
});

describe('typing a code', () => {
  const codes = ['D', 'N', 'E', 'D8', 'N12'];
  it('assigns a code at once, ignoring case, when no longer code starts with it', () => {
    expect(resolveTyped('e', codes)).toEqual({ kind: 'assign', code: 'E' });
    expect(resolveTyped('d8', codes)).toEqual({ kind: 'assign', code: 'D8' });
  });
  it('waits when a longer code could follow, and takes the complete one at the pause', () => {
    expect(resolveTyped('n', codes)).toEqual({ kind: 'wait' });
    expect(resolveTyped('N1', codes)).toEqual({ kind: 'wait' });
    expect(typedAtPause('n', codes)).toBe('N');
    expect(typedAtPause('N1', codes)).toBeNull();
  });
  it('prefers the exact case when codes differ only by case', () => {
    expect(resolveTyped('d', ['D', 'd'])).toEqual({ kind: 'assign', code: 'd' });
    expect(resolveTyped('D', ['D', 'd'])).toEqual({ kind: 'assign', code: 'D' });
  });
  it('means nothing for an unknown code', () => {
    expect(resolveTyped('x', codes)).toEqual({ kind: 'none' });
  });
});

describe('violationKeys', () => {
  it('keys the cells of a violation', () => {
    const keys = violationKeys({ rule: 'rest', severity: 'block', message: '', cells: [{ staff_id: 3, date: '2026-03-02' }] });
    expect([...keys]).toEqual(['3|2026-03-02']);
    expect(violationKeys(null).size).toBe(0);
  });

  it("keys a refusal's cells the same way", () => {
    expect([...cellKeys([{ staff_id: 3, date: '2026-03-02' }, { staff_id: 4, date: '2026-03-03' }])]).toEqual([
      '3|2026-03-02',
      '4|2026-03-03',
    ]);
    expect(cellKeys([]).size).toBe(0);
  });
});

describe('lineGaps', () => {
  it('counts the cells below the minimum and under the target, as the Fill review does', () => {
    const days = (...s: CoverageCount['status'][]) => s.map((status) => ({ status }));
    expect(lineGaps(days('ok', 'short', 'under_target', 'under_target', 'none'))).toBe('1 short · 2 under target');
    expect(lineGaps(days('under_target'))).toBe('1 under target');
    expect(lineGaps(days('ok', 'none'))).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { changeText, changesText, summaryGaps, elapsedText, farFromTarget, gapsText, hourlyAdded, hoursOf, hoursText, progressShare, proposedCells, removedWhy, reviewChoice } from './fill';

const change = (from: string | null, to: string | null) => ({ staff_id: 7, name: 'Maria Lopez', date: '2026-12-12', from, to });
const progress = (elapsed_ms: number, limit_ms: number) => ({ penalty: 0, short_of_minimum: 0, short_of_target: 0, elapsed_ms, limit_ms });

describe('fill words', () => {
  it('names only the kinds of change that happen, each a kind of cell the grid marks', () => {
    expect(changesText({ added: 42, changed: 3, removed: 0 })).toBe('42 shifts added, 3 changed');
    expect(changesText({ added: 1, changed: 0, removed: 2 })).toBe('1 shift added, 2 taken off');
    expect(changesText({ added: 0, changed: 0, removed: 0 })).toBe('No changes');
  });

  it('counts a move once, apart from shifts added and taken off', () => {
    // Issue 21 item 6.1: "19 moved" beside "11 added" read as more moved than added.
    expect(changesText({ added: 11, moved: 19, changed: 2, removed: 3 })).toBe(
      '11 shifts added, 19 moved from per diem/agency to your own staff, 2 changed, 3 taken off',
    );
    expect(changesText({ added: 0, moved: 1, changed: 0, removed: 0 })).toBe('1 shift moved from per diem/agency to your own staff');
  });

  it('says in plain words why shifts came off: a blocking rule', () => {
    expect(removedWhy({ removed_blocked: 2, weekend_trades: 0 })).toEqual([
      '2 taken off because they broke a blocking rule (approved time off, a credential that blocks)',
    ]);
    expect(removedWhy({ removed_blocked: 1, weekend_trades: 0 })).toEqual([
      '1 taken off because it broke a blocking rule (approved time off, a credential that blocks)',
    ]);
    expect(removedWhy({ removed_blocked: 0, weekend_trades: 0 })).toEqual([]);
  });

  it('says in plain words which kept shifts changed to share weekends', () => {
    expect(removedWhy({ removed_blocked: 0, weekend_trades: 5 })).toEqual([
      '5 taken off to share weekends more evenly (kept shifts of people two weekends or more from their share)',
    ]);
    expect(removedWhy({ removed_blocked: 1, weekend_trades: 1 })).toHaveLength(2);
  });

  it('takes the gap figures from the summary, counted once by the backend', () => {
    expect(summaryGaps({ short_before: 6, short_after: 0, under_target_before: 118, under_target_after: 93 })).toEqual({
      before: { short: 6, under: 118 },
      after: { short: 0, under: 93 },
    });
  });

  it('shows a change from and to an empty cell as off', () => {
    expect(changeText(change(null, 'D'))).toBe('Maria Lopez · 12 Dec: off → D');
    expect(changeText(change('N', null))).toBe('Maria Lopez · 12 Dec: N → off');
    expect(gapsText(5, 0)).toBe('5 → 0');
  });

  it('fills the bar by time used and never past the end', () => {
    expect(progressShare(progress(5000, 20000))).toBe(0.25);
    expect(progressShare(progress(25000, 20000))).toBe(1);
    expect(progressShare(progress(10, 0))).toBe(0);
    expect(elapsedText(progress(12999, 20000))).toBe('12 s of 20 s');
  });

  it('keys proposed cells as the grid does', () => {
    const cells = proposedCells([change(null, 'D')]);
    expect(cells.get('7|2026-12-12')?.to).toBe('D');
    expect(cells.size).toBe(1);
  });
});

const hours = (name: string, before: number, after: number, target: number | null, reason: string | null = null, no_target: string | null = null) => ({
  staff_id: name.length,
  name,
  before_minutes: before * 60,
  after_minutes: after * 60,
  target_minutes: target === null ? null : target * 60,
  no_target: target === null ? (no_target ?? 'per diem, paid by the hour') : null,
  reason,
  at_limit: false,
});

describe('review choice', () => {
  it('a proposal with changes is decided; without changes it only closes', () => {
    expect(reviewChoice(3, false)).toBe('decide');
    expect(reviewChoice(1, false)).toBe('decide');
    expect(reviewChoice(0, false)).toBe('nothing');
  });
  it('an accepted review shown again only closes, changes or not', () => {
    expect(reviewChoice(3, true)).toBe('accepted');
    expect(reviewChoice(0, true)).toBe('accepted');
  });
});

describe('hours against target', () => {
  it('shows before → after of the target, or no target for per diem', () => {
    expect(hoursText(hours('Aisha Zhang', 36, 216, 216))).toBe('36 h → 216 h of 216 h');
    expect(hoursText(hours('Per Diem', 0, 24, null))).toBe('0 h → 24 h · per diem, paid by the hour');
    // Issue 21 g: "180/—" read as a bug; say what is true.
    expect(hoursText(hours('Lee Ortiz', 0, 180, null, null, 'no LPN coverage set'))).toBe('0 h → 180 h · no LPN coverage set');
    expect(hoursText({ ...hours('Odd', 0, 12, null), no_target: null })).toBe('0 h → 12 h');
    expect(hoursText(hours('Lee Ortiz', 0, 180, null, null, 'no LPN coverage set'))).not.toContain('—');
    expect(hoursText({ ...hours('Kim Park', 36, 207, 216), at_limit: true })).toBe('36 h → 207 h of 216 h · most their limits allow');
    expect(hoursOf(450)).toBe('7.5 h');
  });

  it('lists only the people with a reason, furthest from target first', () => {
    const list = farFromTarget([
      hours('Close', 0, 212, 216),
      hours('Bit short', 0, 192, 216, 'Bit short, 192 h of 216 h: …'),
      hours('Far', 0, 0, 216, 'Far, 0 h of 216 h: BLS expired 15 Dec — cannot be scheduled'),
      hours('Over', 0, 240, 216, 'Over, 240 h of 216 h: …'),
    ]);
    expect(list.map((h) => h.name)).toEqual(['Far', 'Bit short', 'Over']);
  });
  it('tells per diem and agency lines apart from people far from their target', () => {
    const all = [
      hours('Far', 0, 0, 216, 'Far, 0 h of 216 h: BLS expired 15 Dec — cannot be scheduled'),
      hours('Grace Kim', 0, 207, null, 'Grace Kim (per diem), 207 h, the hours of a 0.86 FTE: 17 shifts added — …'),
      hours('Lee Park', 24, 36, null, 'Lee Park (agency), 36 h, the hours of a 0.15 FTE: 1 shift added — …'),
      hours('Quiet', 0, 0, null),
    ];
    expect(farFromTarget(all).map((h) => h.name)).toEqual(['Far']);
    expect(hourlyAdded(all).map((h) => h.name)).toEqual(['Grace Kim', 'Lee Park']);
  });
});


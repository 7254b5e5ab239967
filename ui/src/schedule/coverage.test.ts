import { describe, expect, it } from 'vitest';
import { emptyDraft, fromDrafts, parseRequirement, requirementKey, requirementLabel, toDraft } from './coverage';
import { overlapText, sortRequests } from './timeoff';
import type { TimeOffRequest } from '../lib/scheduleTypes';

describe('requirements', () => {
  it('round-trip through their key', () => {
    expect(requirementKey({ kind: 'role', value: 'RN' })).toBe('role:RN');
    expect(parseRequirement('skill:3')).toEqual({ kind: 'skill', value: 3 });
    expect(parseRequirement('skill:x')).toBeNull();
    expect(requirementLabel({ kind: 'skill', value: 3 }, [{ id: 3, name: 'Charge' }])).toBe('Charge');
  });
});

describe('coverage drafts', () => {
  it('turn back into the lines they came from', () => {
    const line = { shift_type_id: 1, requirement: { kind: 'role' as const, value: 'RN' as const }, minimum: [6, 6, 6, 6, 6, 5, 5], target: [7, 7, 7, 7, 7, 6, 6] };
    expect(fromDrafts([toDraft(line, 1)])).toEqual({ lines: [line], errors: {} });
  });
  it('name the fields that are wrong', () => {
    const d = emptyDraft(4, null);
    d.minimum[0] = 'two';
    d.minimum[1] = '3';
    d.target[1] = '2';
    const { errors } = fromDrafts([d]);
    expect(errors['4-shift']).toBe('Choose a shift.');
    expect(errors['4-min-0']).toBe('Enter a whole number.');
    expect(errors['4-target-1']).toBe('Tue: the target is below the minimum.');
  });
  it('refuse two lines for the same shift and requirement', () => {
    const { errors } = fromDrafts([emptyDraft(1, 2), emptyDraft(2, 2)]);
    expect(errors['2-requirement']).toMatch(/already/);
  });
});

describe('sortRequests', () => {
  it('puts pending requests first, then by start date', () => {
    const r = (id: number, status: TimeOffRequest['status'], from: string): TimeOffRequest => ({
      id, staff_id: 1, name: 'A', from, to: from, kind: 'pto', status, paid: true, note: '', days: 1,
    });
    const sorted = sortRequests([r(1, 'approved', '2026-01-01'), r(2, 'requested', '2026-02-01'), r(3, 'requested', '2026-01-15')]);
    expect(sorted.map((x) => x.id)).toEqual([3, 2, 1]);
  });
});

describe('overlapText', () => {
  it('names the shift, its code and the day, and says when it was published', () => {
    const s = { date: '2026-12-15', shift_code: 'N', shift_name: 'Night', period_id: 1, published: false };
    expect(overlapText(s)).toBe('Night (N) on 15 Dec 2026');
    expect(overlapText({ ...s, published: true })).toBe('Night (N) on 15 Dec 2026 · published');
  });
});


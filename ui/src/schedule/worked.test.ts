import { describe, expect, it } from 'vitest';
import type { WorkedCell } from '../lib/bindings';
import { workedMap, workedMarker, workedSummary } from './worked';

const cell = (staff_id: number, date: string, mark: WorkedCell['mark']): WorkedCell => ({ staff_id, date, mark, text: '' });

describe('worked layer', () => {
  it('keys each day by person and date', () => {
    const m = workedMap([cell(3, '2026-11-09', 'no_show'), cell(3, '2026-11-10', 'as_scheduled')]);
    expect(m.get('3|2026-11-09')?.mark).toBe('no_show');
    expect(m.get('4|2026-11-09')).toBeUndefined();
  });
  it('has one distinct mark per kind', () => {
    const marks = (['as_scheduled', 'exception', 'no_show', 'unscheduled'] as const).map(workedMarker);
    expect(new Set(marks).size).toBe(4);
  });
  it('sums up what needs review and the no-shows, singular and plural', () => {
    expect(workedSummary([cell(1, 'a', 'as_scheduled'), cell(1, 'b', 'exception'), cell(2, 'a', 'unscheduled'), cell(2, 'b', 'no_show')]))
      .toBe('1 worked as scheduled, 2 to review, 1 no-show');
    expect(workedSummary([cell(1, 'a', 'no_show'), cell(2, 'a', 'no_show')])).toBe('0 worked as scheduled, 2 no-shows');
    expect(workedSummary([])).toBe('0 worked as scheduled');
  });
});

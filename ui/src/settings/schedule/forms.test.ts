import { describe, expect, it } from 'vitest';
import type { ShiftType } from '../../lib/scheduleTypes';
import { differentialText, hoursText, shiftTypeInput, shiftTypeToSend } from './forms';

const night: ShiftType = {
  id: 2, code: 'N', name: 'Night', start: '19:00', length_minutes: 720, unpaid_break_minutes: 30,
  evening: false, night: true, differential: { kind: 'percent', value: 1000 },
};

describe('shift type forms', () => {
  it('turn a stored shift type back into what was typed', () => {
    expect(shiftTypeInput(night)).toEqual({
      code: 'N', name: 'Night', start: '19:00', length_hours: '12', unpaid_break_minutes: '30',
      evening: false, night: true, differential_kind: 'percent', differential_value: '10',
    });
    expect(shiftTypeInput({ ...night, length_minutes: 510, differential: { kind: 'per_hour', value: 250 } }).differential_value).toBe('2.50');
  });
  it('start empty for a new one', () => {
    expect(shiftTypeInput(null)).toMatchObject({ code: '', unpaid_break_minutes: '0', differential_kind: 'none' });
  });
  it('send no value without a differential', () => {
    expect(shiftTypeToSend({ ...shiftTypeInput(night), differential_kind: 'none' }).differential_value).toBe('');
  });
  it('read hours and differentials plainly', () => {
    expect(hoursText(510)).toBe('8.5');
    expect(differentialText({ kind: 'per_hour', value: 200 })).toBe('$2.00/h');
    expect(differentialText({ kind: 'percent', value: 1000 })).toBe('10 %');
    expect(differentialText({ kind: 'none' })).toBe('—');
  });
});

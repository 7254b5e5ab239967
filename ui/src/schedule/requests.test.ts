import { describe, expect, it } from 'vitest';
import type { ShiftType, StaffRequest } from '../lib/bindings';
import { requestMap, requestMarker, requestText } from './requests';

const night = { id: 3, code: 'N', name: 'Night' } as ShiftType;

function req(over: Partial<StaffRequest>): StaffRequest {
  return { id: 1, staff_id: 7, date: '2026-12-24', kind: 'off', shift_type_id: null, priority: 'strong', note: '', ...over };
}

describe('requests on the grid', () => {
  it('says what was asked, with its priority and note', () => {
    expect(requestText(req({}), [night])).toBe('asked off (strong)');
    expect(requestText(req({ kind: 'work', shift_type_id: 3, priority: 'must', note: ' Court date ' }), [night]))
      .toBe('asked to work N (must): “Court date”');
    expect(requestText(req({ kind: 'work', priority: 'nice' }), [night])).toBe('asked to work any shift (nice to have)');
  });

  it('marks off with a minus and work with a plus and the shift code', () => {
    expect(requestMarker(req({}), [night])).toBe('−');
    expect(requestMarker(req({ kind: 'work' }), [night])).toBe('+');
    expect(requestMarker(req({ kind: 'work', shift_type_id: 3 }), [night])).toBe('+N');
    expect(requestMarker(req({ kind: 'work', shift_type_id: 99 }), [night])).toBe('+');
  });

  it('finds a request by person and day', () => {
    const m = requestMap([req({}), req({ id: 2, staff_id: 8 })]);
    expect(m.get('7|2026-12-24')?.id).toBe(1);
    expect(m.get('8|2026-12-24')?.id).toBe(2);
    expect(m.get('7|2026-12-25')).toBeUndefined();
  });
});

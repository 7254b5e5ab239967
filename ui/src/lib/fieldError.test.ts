import { describe, expect, it } from 'vitest';
import { currentError } from './fieldError';

describe('currentError', () => {
  const msg = '“2026-10-1” is not a valid date';
  it('shows the error while the field still holds the refused value', () => {
    expect(currentError(msg, '2026-10-1', '2026-10-1')).toBe(msg);
  });
  it('clears the error as soon as the value changes', () => {
    expect(currentError(msg, '2026-10-1', '2026-10-18')).toBeUndefined();
    expect(currentError(msg, '2026-10-1', '')).toBeUndefined();
  });
  it('shows it again when the refused value is typed back', () => {
    expect(currentError(msg, '2026-10-1', '2026-10-1')).toBe(msg);
  });
  it('no error, nothing to show', () => {
    expect(currentError(undefined, '2026-10-1', '2026-10-1')).toBeUndefined();
    expect(currentError('', null, 'x')).toBeUndefined();
  });
  it('an error that came without a send is shown as it is', () => {
    expect(currentError(msg, null, 'anything')).toBe(msg);
  });
});

import { describe, expect, it } from 'vitest';
import { altDigit } from './keys';

const key = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  code, altKey: false, ctrlKey: false, metaKey: false, ...mods,
});

describe('Alt+digit section shortcuts', () => {
  it('Alt+1 is the first section and Alt+6 the sixth', () => {
    expect(altDigit(key('Digit1', { altKey: true }))).toBe(0);
    expect(altDigit(key('Digit6', { altKey: true }))).toBe(5);
  });

  it('ignores the digit alone, with Ctrl or Meta too, and Alt+0', () => {
    expect(altDigit(key('Digit1'))).toBeNull();
    expect(altDigit(key('Digit1', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(altDigit(key('Digit1', { altKey: true, metaKey: true }))).toBeNull();
    expect(altDigit(key('Digit0', { altKey: true }))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { centsInput, divRound, dollars, fte, fteText, hundredths, money, rate } from './units';

describe('money and FTE have one home', () => {
  it('reads money with a grouped $ amount and the sign before it', () => {
    expect(money(123_456)).toBe('$1,234.56');
    expect(money(100_000)).toBe('$1,000.00'); // a group boundary
    expect(money(99_999)).toBe('$999.99');
    expect(money(-4_850)).toBe('-$48.50');
    expect(rate(4_850)).toBe('$48.50/h');
  });

  it('keeps the sign of a small negative amount or FTE', () => {
    // "0.-10" was what the older FTE copy wrote for -10.
    expect(fte(-10)).toBe('-0.10');
    expect(centsInput(-5)).toBe('-0.05');
    expect(hundredths(-725)).toBe('-7.25');
    expect(hundredths(null)).toBe('—');
  });

  it('rounds whole dollars half away from zero, once', () => {
    expect(divRound(50, 100)).toBe(1);
    expect(divRound(49, 100)).toBe(0);
    expect(divRound(-50, 100)).toBe(-1);
    expect(dollars(136_049)).toBe('$1,360');
    expect(dollars(136_050)).toBe('$1,361'); // the dashboard's and the budget's whole dollars agree
    expect(dollars(-150)).toBe('-$2');
  });

  it('shows no FTE for agency staff', () => {
    expect(fteText(90, 'agency')).toBe('—');
    expect(fteText(0, 'per_diem')).toBe('—');
    expect(fteText(90, 'full_time')).toBe('0.90');
  });
});

import { describe, expect, it } from 'vitest';
import {
  divRound, dollars, hppdHundredths, plainDollars, hours, hoursInput, hundredths, parseCents, percent, shortMoney, signedDollars,
  signedPercent, sumTyped,
} from './money';

describe('divRound', () => {
  it('rounds half away from zero', () => {
    expect(divRound(249, 100)).toBe(2);
    expect(divRound(250, 100)).toBe(3);
    expect(divRound(-250, 100)).toBe(-3);
    expect(divRound(-249, 100)).toBe(-2);
    expect(divRound(0, 100)).toBe(0);
  });
});

describe('dollars', () => {
  it('rounds cents to whole dollars with separators', () => {
    expect(dollars(123450)).toBe('$1,235');
    expect(dollars(123449)).toBe('$1,234');
    expect(dollars(-50)).toBe('-$1');
    expect(dollars(0)).toBe('$0');
    expect(dollars(98_765_432_10)).toBe('$98,765,432');
    expect(plainDollars(35_671_249)).toBe('356,712');
    expect(plainDollars(-150)).toBe('-2');
  });
  it('signs a variance', () => {
    expect(signedDollars(250_000)).toBe('+$2,500');
    expect(signedDollars(-250_049)).toBe('-$2,500');
    expect(signedDollars(49)).toBe('$0');
  });
});

describe('shortMoney', () => {
  it('scales for an axis', () => {
    expect(shortMoney(1_250_000_00)).toBe('$1.3M');
    expect(shortMoney(2_000_000_00)).toBe('$2M');
    expect(shortMoney(45_600_00)).toBe('$46k');
    expect(shortMoney(950_00)).toBe('$950');
    expect(shortMoney(1_000_00)).toBe('$1k');
    expect(shortMoney(1_200_00)).toBe('$1.2k');
    expect(shortMoney(-1_400_00)).toBe('-$1.4k');
    expect(shortMoney(9_949_00)).toBe('$9.9k');
    expect(shortMoney(9_950_00)).toBe('$10k');
    expect(shortMoney(10_000_00)).toBe('$10k');
    expect(shortMoney(-45_600_00)).toBe('-$46k');
    expect(shortMoney(0)).toBe('$0');
  });
});

describe('percent', () => {
  it('prints basis points to one decimal, half away from zero', () => {
    expect(percent(425)).toBe('4.3%');
    expect(percent(424)).toBe('4.2%');
    expect(percent(-1000)).toBe('-10.0%');
    expect(percent(-5)).toBe('-0.1%');
    expect(percent(4)).toBe('0.0%');
    expect(percent(null)).toBe('—');
    expect(signedPercent(425)).toBe('+4.3%');
    expect(signedPercent(-425)).toBe('-4.3%');
    expect(signedPercent(4)).toBe('0.0%');
  });
});

describe('hundredths and hours', () => {
  it('prints hundredths', () => {
    expect(hundredths(725)).toBe('7.25');
    expect(hundredths(5)).toBe('0.05');
    expect(hundredths(-150)).toBe('-1.50');
    expect(hundredths(null)).toBe('—');
  });
  it('prints minutes as hours, the same way as everywhere', () => {
    expect(hours(90)).toBe('1.5');
    expect(hours(123_456)).toBe('2,057.6');
  });
  it('puts minutes in a volume cell in the same form, never hours:minutes', () => {
    expect(hoursInput(null)).toBe('');
    expect(hoursInput(480)).toBe('8');
    expect(hoursInput(510)).toBe('8.5');
    expect(hoursInput(495)).toBe('8.25');
    // The day-one mix: 7230 h 43 min showed as "7230:43", beside "7898.8".
    expect(hoursInput(433_843)).toBe('7,230.72');
    expect(hoursInput(473_928)).toBe('7,898.8');
  });
});

describe('parseCents', () => {
  it('accepts the forms finance writes', () => {
    expect(parseCents('1,234.56')).toBe(123456);
    expect(parseCents('$1,234.56')).toBe(123456);
    expect(parseCents('-1234.56')).toBe(-123456);
    expect(parseCents('(1,234.56)')).toBe(-123456);
    expect(parseCents('12')).toBe(1200);
    expect(parseCents('12.5')).toBe(1250);
    expect(parseCents(' 0.07 ')).toBe(7);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1.234', '12,34', '1,2345.00', '(-5)', '--5', '1e5', '$']) {
      expect(parseCents(bad), bad).toBeNull();
    }
  });
  it('sums typed months, empty as zero, and refuses a bad one', () => {
    expect(sumTyped(['100', '', '0.01', '(50)'])).toBe(5001);
    expect(sumTyped(['100', 'x'])).toBeNull();
  });
});

describe('hppdHundredths', () => {
  it('divides worked hours by patient days to the hundredth, half up', () => {
    // 4 800 h over 900 days = 5.333… → 5.33; 1 h 30 over 9 days = 0.1666… → 0.17.
    expect(hppdHundredths(4_800 * 60, 900)).toBe(533);
    expect(hppdHundredths(90, 9)).toBe(17);
    expect(hppdHundredths(600, 0)).toBeNull();
  });
});

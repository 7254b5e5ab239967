import { describe, expect, it } from 'vitest';
import {
  centsInput, credentialStatus, hoursText, hundredthsText, dayNumber, daysBetween, dueText, fte, fullName, leaveText, leavingText, money, rate,
  relativeDays, sortName,
} from './format';
import type { CredentialSummary } from './bindings';

describe('money from integer cents', () => {
  it.each([
    [4550, '$45.50'],
    [5275, '$52.75'],
    [0, '$0.00'],
    [7, '$0.07'],
    [100, '$1.00'],
    [123456, '$1,234.56'],
    [100000000, '$1,000,000.00'],
    [-150, '-$1.50'],
  ])('%i cents reads %s', (cents, text) => {
    expect(money(cents)).toBe(text);
  });

  it('an hourly rate carries its unit', () => {
    expect(rate(5275)).toBe('$52.75/h');
  });

  it('prefills a form with what a person would type, without $ or separators', () => {
    expect(centsInput(5275)).toBe('52.75');
    expect(centsInput(123456)).toBe('1234.56');
    expect(centsInput(5)).toBe('0.05');
    expect(centsInput(0)).toBe('0.00');
  });
});

describe('FTE from hundredths', () => {
  it.each([
    [90, '0.90'],
    [100, '1.00'],
    [75, '0.75'],
    [5, '0.05'],
    [0, '0.00'],
  ])('%i hundredths reads %s', (h, text) => {
    expect(fte(h)).toBe(text);
  });
});

describe('names', () => {
  const p = { first_name: 'Maria', last_name: 'Lopez' };
  it('lists sort by last name, headings read naturally', () => {
    expect(sortName(p)).toBe('Lopez, Maria');
    expect(fullName(p)).toBe('Maria Lopez');
  });
});

describe('dates', () => {
  it('accepts only real, canonical YYYY-MM-DD dates', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-02-29')).not.toBeNull();
    expect(dayNumber('2023-02-29')).toBeNull(); // no leap day in 2023
    expect(dayNumber('2026-1-05')).toBeNull();
    expect(dayNumber('2026-13-01')).toBeNull();
    expect(dayNumber('')).toBeNull();
  });

  it('counts whole days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2026-11-27', '2026-12-06')).toBe(9);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-11-27', '2026-11-15')).toBe(-12);
    expect(daysBetween('2026-11-27', 'soon')).toBeNull();
  });

  it('counts calendar days even across a daylight-saving change', () => {
    // US clocks change on 2026-03-08 and 2026-11-01: still exactly 7 days.
    expect(daysBetween('2026-03-05', '2026-03-12')).toBe(7);
    expect(daysBetween('2026-10-29', '2026-11-05')).toBe(7);
  });

  it.each([
    [0, 'today'],
    [1, 'tomorrow'],
    [-1, 'yesterday'],
    [9, 'in 9 days'],
    [-12, '12 days ago'],
  ])('%i days reads "%s"', (days, text) => {
    expect(relativeDays(days)).toBe(text);
  });
});

describe('credential status on the roster', () => {
  const today = '2026-11-27';
  const base: CredentialSummary = { status: 'compliant', expired: 0, missing: 0, expiring: 0, next_expiry: null, worst_type: null, worst_days_left: null };

  it('compliant has no detail and says so in its title', () => {
    const s = credentialStatus({ ...base, next_expiry: '2027-06-01' }, today);
    expect(s.word).toBe('Compliant');
    expect(s.tone).toBe('ok');
    expect(s.detail).toBe('');
    expect(s.title).toContain('All required credentials are current.');
    expect(s.title).toContain('2027-06-01');
  });

  it('one expiring credential says which and when', () => {
    const s = credentialStatus({ ...base, status: 'expiring', expiring: 1, next_expiry: '2026-12-06', worst_type: 'BLS', worst_days_left: 9 }, today);
    expect([s.word, s.detail, s.tone]).toEqual(['Expiring', 'BLS in 9 days', 'warn']);
  });

  it('several expiring credentials: the soonest leads and the rest are counted', () => {
    const s = credentialStatus({ ...base, status: 'expiring', expiring: 2, next_expiry: '2026-12-06', worst_type: 'ACLS', worst_days_left: 9 }, today);
    expect(s.detail).toBe('ACLS in 9 days +1 more');
  });

  it('expired leads, and other problems are added', () => {
    const s = credentialStatus({ ...base, status: 'expired', expired: 1, missing: 1, next_expiry: '2026-11-15', worst_type: 'BLS', worst_days_left: -12 }, today);
    expect(s.word).toBe('Expired');
    expect(s.tone).toBe('bad');
    expect(s.detail).toBe('BLS 12 days ago +1 more');
    expect(s.title).toBe('1 expired, 1 missing. Next expiry 2026-11-15 (12 days ago).');
  });

  it('missing is its own colour and names what is missing', () => {
    const s = credentialStatus({ ...base, status: 'missing', missing: 2, expiring: 1, next_expiry: '2027-01-10', worst_type: 'ACLS', worst_days_left: null }, today);
    expect([s.word, s.detail, s.tone]).toEqual(['Missing', 'ACLS +2 more', 'missing']);
  });
});

describe('due summary', () => {
  it('reads overdue first and is blank when nothing is owed soon', () => {
    expect(dueText({ overdue: 1, due_soon: 2, next_due: null })).toBe('1 overdue · 2 due soon');
    expect(dueText({ overdue: 0, due_soon: 2, next_due: null })).toBe('2 due soon');
    expect(dueText({ overdue: 0, due_soon: 0, next_due: '2027-01-01' })).toBe('');
  });
});

describe('employment end', () => {
  it('says terminated once the last day has come, leaving before', () => {
    expect(leavingText('2026-10-03', false)).toBe('Left after 2026-10-03');
    expect(leavingText('2026-12-15', true)).toBe('Last day of work 2026-12-15');
    expect(leavingText(null, true)).toBeNull();
  });
});

describe('leave of absence', () => {
  it('is shown from its first day, or always when that day is not known', () => {
    expect(leaveText({ on_leave: true, leave_since: '2026-11-02' }, '2026-11-01')).toBeNull();
    expect(leaveText({ on_leave: true, leave_since: '2026-11-02' }, '2026-11-02')).toBe('On leave since 2026-11-02');
    expect(leaveText({ on_leave: true, leave_since: null }, '2026-11-01')).toBe('On leave');
    expect(leaveText({ on_leave: false, leave_since: null }, '2026-11-01')).toBeNull();
  });
});

describe('hundredthsText', () => {
  it('writes rounded hours as hoursText writes minutes', () => {
    expect(hundredthsText(248_633)).toBe('2,486.33');
    expect(hundredthsText(150)).toBe('1.5');
    expect(hundredthsText(0)).toBe('0');
    expect(hundredthsText(-150)).toBe('-1.5');
    expect(hundredthsText(750)).toBe(hoursText(450));
  });
});

describe('hoursText', () => {
  it('writes hours one way: decimal hundredths, grouped, no trailing zeros', () => {
    expect(hoursText(0)).toBe('0');
    expect(hoursText(6_000)).toBe('100');
    expect(hoursText(90)).toBe('1.5');
    expect(hoursText(465)).toBe('7.75');
    expect(hoursText(433_843)).toBe('7,230.72');
    expect(hoursText(59_940)).toBe('999');
    expect(hoursText(60_000)).toBe('1,000');
    expect(hoursText(-90)).toBe('-1.5');
  });
  it('rounds half a hundredth up, as the backend does', () => {
    // 20 min = 0.3333 h → 0.33; 1 min = 0.01666 h → 0.02; 0.3 min rounds to nothing.
    expect(hoursText(20)).toBe('0.33');
    expect(hoursText(1)).toBe('0.02');
    expect(hoursText(-0)).toBe('0');
  });
});

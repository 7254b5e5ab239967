import { describe, expect, it } from 'vitest';
import { credentialsCalm, dayLabel, dayRange, dollars, dueInText, expiryText, gapsCalm, hours, longDate, percent, trainingsCalm, varianceText } from './format';

describe('dashboard formats', () => {
  it('names days as a manager reads them', () => {
    expect(dayLabel('2026-12-05')).toBe('Sat 5 Dec');
    expect(longDate('2026-12-02')).toBe('Wednesday 2 December 2026');
    expect(dayRange('2026-12-20', '2026-12-23')).toBe('20 – 23 Dec');
    expect(dayRange('2026-12-30', '2027-01-02')).toBe('30 Dec – 2 Jan');
    expect(dayRange('2026-12-20', '2026-12-20')).toBe('20 Dec');
  });

  it('shows percentages, hours and dollars', () => {
    expect(percent(1304)).toBe('13.0 %');
    expect(percent(0)).toBe('0.0 %');
    expect(hours(54_720)).toBe('912 h');
    expect(hours(90)).toBe('1.5 h');
    expect(hours(433_843)).toBe('7,230.72 h');
    expect(dollars(136_049)).toBe('$1,360');
    expect(dollars(-200_000)).toBe('-$2,000');
  });

  it('says over or under budget, never a bare sign', () => {
    expect(varianceText(136_000)).toBe('$1,360 under budget');
    expect(varianceText(-200_000)).toBe('$2,000 over budget');
    expect(varianceText(0)).toBe('on budget');
  });

  it('says how far an expiry or due date is', () => {
    expect(expiryText(null)).toBe('missing');
    expect(expiryText(-1)).toBe('expired yesterday');
    expect(expiryText(-12)).toBe('expired 12 days ago');
    expect(expiryText(0)).toBe('expires today');
    expect(expiryText(30)).toBe('expires in 30 days');
    expect(dueInText(-1)).toBe('1 day overdue');
    expect(dueInText(-5)).toBe('5 days overdue');
    expect(dueInText(0)).toBe('due today');
    expect(dueInText(30)).toBe('due in 30 days');
  });
});

describe('a card with nothing to list', () => {
  it('says credentials are current only when someone’s were checked', () => {
    expect(credentialsCalm({ staff_checked: 0, credentials_checked: 0 })).toMatch(/^No staff yet/);
    expect(credentialsCalm({ staff_checked: 3, credentials_checked: 0 })).toMatch(/nothing to check/);
    expect(credentialsCalm({ staff_checked: 3, credentials_checked: 1 })).toMatch(/current for the next 90 days/);
  });
  it('says nothing is due only when something is on record', () => {
    expect(trainingsCalm({ staff_checked: 0, trainings_checked: 0 })).toMatch(/^No staff yet/);
    expect(trainingsCalm({ staff_checked: 2, trainings_checked: 0 })).toMatch(/on record yet/);
    expect(trainingsCalm({ staff_checked: 2, trainings_checked: 5 })).toBe('Nothing overdue or due in the next 30 days.');
  });
  it('says there are no gaps only when a need was checked', () => {
    const days = Array.from({ length: 14 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
    expect(gapsCalm({ needs_checked: 0, unscheduled_days: days })).toBeNull();
    expect(gapsCalm({ needs_checked: 0, unscheduled_days: days.slice(0, 3) })).toMatch(/No coverage need is set/);
    expect(gapsCalm({ needs_checked: 1, unscheduled_days: days.slice(0, 13) })).toBe('No gaps in the next 14 days.');
  });
});

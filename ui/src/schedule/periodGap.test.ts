import { describe, expect, it } from 'vitest';
import type { SchedulePeriod } from '../lib/scheduleTypes';
import { gapBefore, isDate } from './periodGap';

const period = (start_date: string, end_date: string) => ({ start_date, end_date }) as SchedulePeriod;
const periods = [period('2027-01-03', '2027-02-13'), period('2026-11-22', '2027-01-02')];

describe('the gap a new period leaves', () => {
  it('is none when the period follows on the next day', () => {
    expect(gapBefore(periods, '2027-02-14')).toBeNull();
  });
  it('names the first and last day left without a period, across a month end', () => {
    expect(gapBefore(periods, '2027-02-21')).toEqual({ from: '2027-02-14', to: '2027-02-20', days: 7 });
    expect(gapBefore(periods, '2027-03-07')).toEqual({ from: '2027-02-14', to: '2027-03-06', days: 21 });
  });
  it('is measured from the latest period before the start, and is none before every period', () => {
    expect(gapBefore([period('2027-01-03', '2027-01-30')], '2027-01-31')).toBeNull();
    expect(gapBefore(periods, '2026-10-25')).toBeNull();
  });
  it('waits for a whole date', () => {
    expect(gapBefore(periods, '02/21/2027')).toBeNull();
    expect(gapBefore(periods, '2027-02-3')).toBeNull();
    expect(isDate('2027-02-21')).toBe(true);
    expect(isDate('2027-13-45')).toBe(false);
  });
});

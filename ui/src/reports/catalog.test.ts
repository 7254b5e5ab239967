import { describe, expect, it } from 'vitest';
import type { ReportOptions } from '../lib/bindings';
import { REPORT_KINDS } from '../lib/bindings';
import { REPORTS, defaults, keepPaper, payPeriodLabel, periodLabel, savedPaper, savedText, toRequest } from './catalog';
import { periodLabel as schedulePeriodLabel } from '../schedule/grid';

const options: ReportOptions = {
  today: '2026-11-27',
  periods: [],
  current_period_id: 7,
  pay_periods: [
    { start: '2026-11-29', end: '2026-12-12', current: false },
    { start: '2026-11-15', end: '2026-11-28', current: true },
  ],
  fiscal_years: [],
  current_fiscal_year_id: null,
};

describe('report catalog', () => {
  it('offers every report the backend makes, each once', () => {
    const kinds = REPORTS.map((r) => r.kind);
    expect(kinds.length).toBe(new Set(kinds).size);
    expect([...kinds].sort()).toEqual(REPORT_KINDS.map((k) => k.code).sort());
    expect(kinds).toContain('timecards');
  });

  it('defaults to the current period, pay period and today', () => {
    const d = defaults(options);
    expect(d.period_id).toBe('7');
    expect(d.pay_period_start).toBe('2026-11-15');
    expect(d.as_of).toBe('2026-11-27');
    expect(d.fiscal_year_id).toBe(''); // no fiscal year yet: nothing chosen
  });

  it('turns the chosen text into a request, empty choices into null', () => {
    const r = toRequest({ ...defaults(options), month: '3', as_of: ' 2026-10-01 ' });
    expect(r).toEqual({
      paper: 'letter',
      period_id: 7,
      fiscal_year_id: null,
      month: 3,
      pay_period_start: '2026-11-15',
      as_of: '2026-10-01',
      window_months: 12,
    });
    expect(toRequest(defaults(options)).month).toBeNull();
  });

  it('asks for the paper chosen, Letter unless A4 was, and remembers it', () => {
    expect(toRequest(defaults(options), 'a4').paper).toBe('a4');
    const kept = new Map<string, string>();
    const store = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    expect(savedPaper(store)).toBe('letter');
    keepPaper(store, 'a4');
    expect(savedPaper(store)).toBe('a4');
    kept.set('wardbook.reports.paper', 'tabloid');
    expect(savedPaper(store)).toBe('letter');
    expect(savedPaper(null)).toBe('letter');
    expect(() => keepPaper({ setItem: () => { throw new Error('full'); } }, 'a4')).not.toThrow();
  });

  it('labels and messages read as a manager expects', () => {
    expect(payPeriodLabel(options.pay_periods[1])).toBe('15 Nov – 28 Nov 2026 (current)');
    expect(savedText('/home/m/roster.pdf')).toBe('Saved to /home/m/roster.pdf');
    expect(savedText(null)).toMatch(/not saved/i);
  });
});

describe('period labels', () => {
  const period = { start_date: '2026-03-02', end_date: '2026-04-12', weeks: 6, status: 'draft' as const };
  it('name a schedule period in Reports exactly as Schedule does', () => {
    // Reports once said "2026-03-02 to 2026-04-12 · 6 weeks · draft" beside Schedule's "2 Mar – 12 Apr 2026".
    expect(periodLabel(period)).toBe(schedulePeriodLabel(period));
    expect(periodLabel(period)).toBe('2 Mar – 12 Apr 2026 · 6 weeks · draft');
    expect(periodLabel({ ...period, status: 'published' })).toBe('2 Mar – 12 Apr 2026 · 6 weeks');
    expect(periodLabel({ ...period, start_date: '2026-12-07', end_date: '2027-01-17' })).toBe('7 Dec 2026 – 17 Jan 2027 · 6 weeks · draft');
  });
});

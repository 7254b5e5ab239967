// The reports the Reports section offers, what each asks for, and how the
// chosen values become the backend's ReportRequest.

import type { Paper, PayPeriod, ReportKind, ReportOptions, ReportRequest } from '../lib/bindings';
import { periodLabel, periodRange } from '../schedule/grid';

export type Param = 'period' | 'as_of' | 'fiscal_month' | 'pay_period' | 'window';

export interface ReportEntry {
  kind: ReportKind;
  title: string;
  description: string;
  params: Param[];
}

export const REPORTS: ReportEntry[] = [
  {
    kind: 'schedule',
    title: 'Schedule',
    description: 'The staff × days grid of a period: shift codes, approved time off, paid hours and shifts per person, and who is on each day. Landscape; six weeks print as two bands of three weeks.',
    params: ['period'],
  },
  {
    kind: 'coverage',
    title: 'Coverage by shift and day',
    description: 'For every day and staffing need: how many are scheduled against the minimum and the target, with the gaps marked.',
    params: ['period'],
  },
  {
    kind: 'credentials',
    title: 'Credential compliance',
    description: 'Everyone employed on the day, each credential their role requires (and any other they hold): number, expiry and status. For an inspection.',
    params: ['as_of'],
  },
  {
    kind: 'budget_variance',
    title: 'Budget variance',
    description: 'Each budget line for a month and the year to date: budget, actual, variance in dollars and percent, with your explanations.',
    params: ['fiscal_month'],
  },
  {
    kind: 'roster',
    title: 'Staff roster',
    description: 'Everyone employed on the day: employee number, role, job code, employment type, FTE, hire date, skills, phone and email.',
    params: ['as_of'],
  },
  {
    kind: 'hours',
    title: 'Hours for payroll',
    description: 'Per person for a 14-day pay period: regular, overtime, shift/weekend/holiday differential hours, paid time off and total paid hours.',
    params: ['pay_period'],
  },
  {
    kind: 'timecards',
    title: 'Timecard sign-off',
    description: 'Per person for a pay period, from the time clock: scheduled and worked hours, regular, overtime and time off, open exceptions, and a line for each signature.',
    params: ['pay_period'],
  },
  {
    kind: 'fairness',
    title: 'Fairness over time',
    description: 'Per person over the last 6 or 12 months: weekends, holidays and nights worked against their share (by role, FTE and days employed), and how many of their requests were granted.',
    params: ['as_of', 'window'],
  },
];

/** What the fields of one report hold, as typed or chosen (all text). */
export interface Params {
  period_id: string;
  as_of: string;
  fiscal_year_id: string;
  /** "" is the latest month with actuals. */
  month: string;
  pay_period_start: string;
  /** Fairness: "6" or "12" months. */
  window_months: string;
}

export function defaults(o: ReportOptions): Params {
  const pay = o.pay_periods.find((p) => p.current) ?? o.pay_periods[0];
  return {
    period_id: o.current_period_id === null ? '' : String(o.current_period_id),
    as_of: o.today,
    fiscal_year_id: o.current_fiscal_year_id === null ? '' : String(o.current_fiscal_year_id),
    month: '',
    pay_period_start: pay?.start ?? '',
    window_months: '12',
  };
}

function id(text: string): number | null {
  return text === '' ? null : Number(text);
}

export function toRequest(p: Params, paper: Paper = 'letter'): ReportRequest {
  return {
    paper,
    period_id: id(p.period_id),
    fiscal_year_id: id(p.fiscal_year_id),
    month: id(p.month),
    pay_period_start: p.pay_period_start,
    as_of: p.as_of.trim(),
    window_months: id(p.window_months),
  };
}

/** Schedule periods read as in Schedule; pay periods as a date range the same way. */
export { periodLabel };

export function payPeriodLabel(p: PayPeriod): string {
  return `${periodRange({ start_date: p.start, end_date: p.end })}${p.current ? ' (current)' : ''}`;
}

const PAPER_KEY = 'wardbook.reports.paper';

/** The paper last chosen on this computer (Letter until one is). */
export function savedPaper(store: Pick<Storage, 'getItem'> | null): Paper {
  const v = store?.getItem(PAPER_KEY);
  return v === 'a4' ? 'a4' : 'letter';
}

export function keepPaper(store: Pick<Storage, 'setItem'> | null, paper: Paper): void {
  try {
    store?.setItem(PAPER_KEY, paper);
  } catch {
    // Storage full or refused: the choice lasts for this visit only.
  }
}

/** What to tell the manager once a file is saved, or the dialog closed. */
export function savedText(path: string | null): string {
  return path === null ? 'Not saved: the save dialog was closed.' : `Saved to ${path}`;
}

// How stored values read on screen: dates as YYYY-MM-DD with "in 9 days",
// hours, and the short status texts. Money and FTE are `./units`' (re-exported here).

import type { CredentialSummary, DueSummary, Staff } from './bindings';
import { EMPLOYMENT_TYPES, ROLES, UNIT_TYPES } from './bindings';

export { centsInput, fte, fteText, money, rate } from './units';

/** "Last, First" for lists. */
export function sortName(p: { first_name: string; last_name: string }): string {
  return `${p.last_name}, ${p.first_name}`;
}

/** "First Last" for headings. */
export function fullName(p: { first_name: string; last_name: string }): string {
  return `${p.first_name} ${p.last_name}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real YYYY-MM-DD date, or null. */
export function dayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier), or null. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** 9 → "in 9 days", -12 → "12 days ago", with today/tomorrow/yesterday. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function labelOf<T extends string>(list: { code: T; label: string }[], code: T): string {
  return list.find((o) => o.code === code)?.label ?? code;
}

export const roleLabel = (code: Staff['role']) => labelOf(ROLES, code);
export const employmentLabel = (code: Staff['employment_type']) => labelOf(EMPLOYMENT_TYPES, code);
export const unitTypeLabel = (code: (typeof UNIT_TYPES)[number]['code']) => labelOf(UNIT_TYPES, code);

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export type Tone = 'ok' | 'warn' | 'bad' | 'missing' | 'neutral';

export interface StatusText {
  /** The badge text; its first word is the status. */
  word: string;
  /** A short detail beside the badge ("in 9 days", "2 expired"). */
  detail: string;
  /** The full sentence for the title attribute. */
  title: string;
  tone: Tone;
}

/** The roster's credential cell for a person, as of `today`. */
export function credentialStatus(s: CredentialSummary, today: string): StatusText {
  const counts = [
    s.expired > 0 ? `${s.expired} expired` : '',
    s.missing > 0 ? `${s.missing} missing` : '',
    s.expiring > 0 ? `${s.expiring} expiring` : '',
  ].filter(Boolean);
  const next = s.next_expiry ? daysBetween(today, s.next_expiry) : null;
  const nextText = s.next_expiry && next !== null ? `Next expiry ${s.next_expiry} (${relativeDays(next)}).` : '';
  const title = [counts.length ? `${counts.join(', ')}.` : 'All required credentials are current.', nextText]
    .filter(Boolean)
    .join(' ');
  // The credential that decides the status leads ("BLS in 9 days"); the rest are counted.
  const name = s.worst_type ?? '';
  const when = s.worst_days_left === null ? '' : relativeDays(s.worst_days_left);
  const lead = [name, s.status === 'missing' ? '' : when].filter(Boolean).join(' ');
  const rest = [
    s.expired - (s.status === 'expired' ? 1 : 0),
    s.missing - (s.status === 'missing' ? 1 : 0),
    s.expiring - (s.status === 'expiring' ? 1 : 0),
  ];
  const more = rest.reduce((a, b) => a + b, 0);
  const detail = [lead, more > 0 ? `+${more} more` : ''].filter(Boolean).join(' ');
  switch (s.status) {
    case 'expired':
      return { word: 'Expired', detail, title, tone: 'bad' };
    case 'missing':
      return { word: 'Missing', detail, title, tone: 'missing' };
    case 'expiring':
      return { word: 'Expiring', detail, title, tone: 'warn' };
    default:
      return { word: 'Compliant', detail: '', title, tone: 'ok' };
  }
}

/** "1 overdue · 2 due soon", or "" when nothing is owed soon. */
export function dueText(d: DueSummary): string {
  return [d.overdue > 0 ? `${d.overdue} overdue` : '', d.due_soon > 0 ? `${d.due_soon} due soon` : '']
    .filter(Boolean)
    .join(' · ');
}

/** "On leave since 2026-11-02" / "On leave" while a leave of absence covers `today`; null otherwise. */
export function leaveText(s: { on_leave: boolean; leave_since: string | null }, today: string): string | null {
  if (!s.on_leave || (s.leave_since !== null && s.leave_since > today)) return null;
  return s.leave_since ? `On leave since ${s.leave_since}` : 'On leave';
}

/** The employment status line: null while employed with no end date. The
 *  stored date is the last day worked (the Terminate dialog and HR's files
 *  give that), so it says so: "leaving on" read as the first day gone. */
export function leavingText(termination_date: string | null, active: boolean): string | null {
  if (!termination_date) return null;
  return active ? `Last day of work ${termination_date}` : `Left after ${termination_date}`;
}

/**
 * Hours, one way everywhere (budget, dashboard, schedule totals, reports):
 * decimal hours to the hundredth (the unit payroll counts in), thousands
 * grouped, trailing zeros dropped, never hours:minutes. Half a hundredth
 * rounds up, as the backend does. 433_843 → "7,230.72", 473_928 → "7,898.8",
 * 90 → "1.5", 6_000 → "100", -90 → "-1.5".
 */
export function hoursText(minutes: number): string {
  const m = Math.trunc(minutes);
  const hundredths = Math.floor((Math.abs(m) * 100 + 30) / 60);
  return hundredthsText(m < 0 ? -hundredths : hundredths);
}

/**
 * Hours already rounded to the hundredth (payroll's paid hours: each
 * person's rounded once, totals the sum of those), written as `hoursText`
 * writes them: 248_633 → "2,486.33", 150 → "1.5".
 */
export function hundredthsText(hundredths: number): string {
  const h = Math.abs(Math.trunc(hundredths));
  const whole = Math.floor(h / 100).toLocaleString('en-US');
  const frac = (h % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return `${hundredths < 0 && h > 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

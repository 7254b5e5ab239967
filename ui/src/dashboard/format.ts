// How the dashboard's figures read: dates as "Sat 5 Dec", percentages from
// basis points, hours from minutes, variance as over/under budget.

import type { CredentialsDue, Gaps, TrainingsDue } from '../lib/bindings';
import { MONTHS, hoursText } from '../lib/format';
import { dollars } from '../lib/units';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

function parts(iso: string): { y: number; m: number; d: number; weekday: string } {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  return { y, m, d, weekday };
}

/** "2026-12-05" → "Sat 5 Dec". */
export function dayLabel(iso: string): string {
  const { m, d, weekday } = parts(iso);
  return `${weekday} ${d} ${MONTHS[m - 1]?.slice(0, 3) ?? ''}`;
}

/** "2026-12-02" → "Wednesday 2 December 2026". */
export function longDate(iso: string): string {
  const { y, m, d } = parts(iso);
  const weekday = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  return `${weekday} ${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}

/** "20 – 23 Dec", "30 Dec – 2 Jan", or one day "20 Dec". */
export function dayRange(from: string, to: string): string {
  const a = parts(from);
  const b = parts(to);
  const month = (m: number) => MONTHS[m - 1]?.slice(0, 3) ?? '';
  if (from === to) return `${a.d} ${month(a.m)}`;
  if (a.m === b.m && a.y === b.y) return `${a.d} – ${b.d} ${month(b.m)}`;
  return `${a.d} ${month(a.m)} – ${b.d} ${month(b.m)}`;
}

/** Basis points as a percentage with one decimal: 1304 → "13.0 %". */
export function percent(bp: number): string {
  return `${(bp / 100).toFixed(1)} %`;
}

/** Minutes as hours, as everywhere (`hoursText`): 54_720 → "912 h", 55_000 → "916.67 h". */
export function hours(minutes: number): string {
  return `${hoursText(minutes)} h`;
}

export { dollars };

/** A variance (budget − actual) as a manager says it. */
export function varianceText(varianceCents: number): string {
  if (varianceCents === 0) return 'on budget';
  return varianceCents > 0 ? `${dollars(varianceCents)} under budget` : `${dollars(-varianceCents)} over budget`;
}

/** How far a credential is from expiring: "expired 3 days ago", "missing", "expires today". */
export function expiryText(daysLeft: number | null): string {
  if (daysLeft === null) return 'missing';
  if (daysLeft < 0) return daysLeft === -1 ? 'expired yesterday' : `expired ${-daysLeft} days ago`;
  if (daysLeft === 0) return 'expires today';
  if (daysLeft === 1) return 'expires tomorrow';
  return `expires in ${daysLeft} days`;
}

/** How far an item is from its due date: "3 days overdue", "due today", "due in 12 days". */
export function dueInText(daysLeft: number): string {
  if (daysLeft < 0) return daysLeft === -1 ? '1 day overdue' : `${-daysLeft} days overdue`;
  if (daysLeft === 0) return 'due today';
  if (daysLeft === 1) return 'due tomorrow';
  return `due in ${daysLeft} days`;
}

/**
 * What a card says when it has nothing to list. "All good" is said only of
 * something checked: with nobody on staff, no credential required, nothing
 * on record or no coverage need, the card says there is nothing to check.
 */
export function credentialsCalm(due: Pick<CredentialsDue, 'staff_checked' | 'credentials_checked'>): string {
  if (due.staff_checked === 0) return 'No staff yet, so no credentials to check. Add people in Staff.';
  if (due.credentials_checked === 0) return 'No credential is required of anyone yet, so there is nothing to check.';
  return 'Everyone’s credentials are current for the next 90 days.';
}

export function trainingsCalm(due: Pick<TrainingsDue, 'staff_checked' | 'trainings_checked'>): string {
  if (due.staff_checked === 0) return 'No staff yet, so no evaluations or competencies to check.';
  if (due.trainings_checked === 0) return 'No evaluation, competency or training is on record yet.';
  return 'Nothing overdue or due in the next 30 days.';
}

/** Null when the card's note on unscheduled days says it all. */
export function gapsCalm(gaps: Pick<Gaps, 'needs_checked' | 'unscheduled_days'>, days = 14): string | null {
  if (gaps.needs_checked > 0) return `No gaps in the next ${days} days.`;
  if (gaps.unscheduled_days.length >= days) return null;
  return 'No coverage need is set for these days, so there are no gaps to find. Set them in Settings → Coverage.';
}

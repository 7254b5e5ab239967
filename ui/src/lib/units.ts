// Money and FTE as the manager reads them: the one place the UI formats
// integer cents and FTE hundredths (the backend's `units` module decides the
// same for the Rust side). Only integer arithmetic touches an amount, so a
// figure on screen is never off by a float's rounding. Hours owed for an FTE
// are the backend's (`target_minutes`, `scheduled_fte_hundredths`): the UI
// shows them and never works them out.

import type { Staff } from './bindings';

/** 4550 → "$45.50"; 123456 → "$1,234.56"; negative amounts get a leading minus. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const dollars = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${sign}$${dollars}.${rest}`;
}

/** An hourly rate: "$52.75/h". */
export function rate(cents: number): string {
  return `${money(cents)}/h`;
}

/** Hundredths with two decimals and no grouping: 5275 → "52.75", -10 → "-0.10". */
function twoDecimals(n: number): string {
  const t = Math.trunc(n);
  const abs = Math.abs(t);
  return `${t < 0 ? '-' : ''}${Math.floor(abs / 100)}.${(abs % 100).toString().padStart(2, '0')}`;
}

/** Cents as a form would want them typed: 5275 → "52.75" (no $ or separators). */
export function centsInput(cents: number): string {
  return twoDecimals(cents);
}

/** FTE hundredths: 90 → "0.90", 100 → "1.00", 0 → "0.00", -10 → "-0.10". */
export function fte(hundredths: number): string {
  return twoDecimals(hundredths);
}

/** An FTE as every list shows it: per diem and agency staff, paid by the
 * hour, have none ("—"), whatever their record holds (the sample's and many
 * HR files' agency nurses carry one, per diem records 0). */
export function fteText(hundredths: number, kind?: Staff['employment_type']): string {
  return kind === 'agency' || kind === 'per_diem' ? '—' : fte(hundredths);
}

function groups(n: number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Divides and rounds half away from zero: (250, 100) → 3, (-250, 100) → -3. */
export function divRound(n: number, d: number): number {
  const q = Math.trunc(Math.abs(n) / d);
  const r = Math.abs(n) % d;
  const m = r * 2 >= d ? q + 1 : q;
  return n < 0 ? -m : m;
}

/** Whole dollars for the wide tables: 123450 → "$1,235"; -50 → "-$1". */
export function dollars(cents: number): string {
  const d = divRound(Math.trunc(cents), 100);
  return `${d < 0 ? '-' : ''}$${groups(Math.abs(d))}`;
}

/** Whole dollars without the $ sign, for the month columns of a wide table: 35671200 → "356,712". */
export function plainDollars(cents: number): string {
  const d = divRound(Math.trunc(cents), 100);
  return `${d < 0 ? '-' : ''}${groups(Math.abs(d))}`;
}

/** With a sign always: +$1,235 / -$1,235 / $0. */
export function signedDollars(cents: number): string {
  const d = divRound(Math.trunc(cents), 100);
  return d === 0 ? '$0' : `${d > 0 ? '+' : '-'}$${groups(Math.abs(d))}`;
}

/** For a chart axis: 1_250_000_00 → "$1.3M", 45_600_00 → "$46k", 950_00 → "$950". */
export function shortMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const d = divRound(Math.abs(Math.trunc(cents)), 100);
  if (d >= 1_000_000) {
    const tenths = divRound(d, 100_000);
    return `${sign}$${Math.trunc(tenths / 10)}${tenths % 10 ? `.${tenths % 10}` : ''}M`;
  }
  // Under $10k a tenth is kept, so an axis of $1,000, $1,200, $1,400 does not read "$1k" three times.
  if (d >= 1_000 && d < 9_950) {
    const tenths = divRound(d, 100);
    return `${sign}$${Math.trunc(tenths / 10)}${tenths % 10 ? `.${tenths % 10}` : ''}k`;
  }
  if (d >= 1_000) return `${sign}$${groups(divRound(d, 1_000))}k`;
  return `${sign}$${d}`;
}

/** Hundredths to two decimals: 725 → "7.25"; null → "—". */
export function hundredths(h: number | null): string {
  return h === null ? '—' : twoDecimals(h);
}

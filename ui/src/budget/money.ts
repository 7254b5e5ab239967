// Budget figures as the manager reads them, from integer cents, basis points,
// hundredths and minutes. Only integer arithmetic touches the amounts, so a
// figure on screen is never off by a float's rounding.

import { hoursText } from '../lib/format';
import { divRound, money } from '../lib/units';

export { divRound, dollars, hundredths, plainDollars, shortMoney, signedDollars } from '../lib/units';

/** Basis points to one decimal: 425 → "4.3%", -1000 → "-10.0%"; null → "—". */
export function percent(bp: number | null): string {
  if (bp === null) return '—';
  const tenths = divRound(Math.trunc(bp), 10);
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.trunc(abs / 10)}.${abs % 10}%`;
}

/** Same, signed: "+4.3%", "-2.0%", "0.0%". */
export function signedPercent(bp: number | null): string {
  if (bp === null) return '—';
  const text = percent(bp);
  return divRound(Math.trunc(bp), 10) > 0 ? `+${text}` : text;
}

/** Minutes as hours for reading, as everywhere (`hoursText`): 123_456 → "2,057.6". */
export function hours(minutes: number): string {
  return hoursText(minutes);
}

/**
 * Minutes in a volume cell, in the same form as they read everywhere:
 * 433_843 → "7,230.72", null → "". Hundredths of an hour are within 0.3 of
 * a minute, so saving the shown text gives back the same minutes.
 */
export function hoursInput(minutes: number | null): string {
  return minutes === null ? '' : hoursText(minutes);
}

/**
 * Hours per patient day in hundredths, rounded half up as the backend does:
 * worked minutes × 100 ÷ (60 × patient days); null without patient days.
 * Used only for the projection on budgeted days, which the report leaves out.
 */
export function hppdHundredths(workedMinutes: number, patientDays: number): number | null {
  return patientDays > 0 ? divRound(workedMinutes * 100, 60 * patientDays) : null;
}

/**
 * Parses an amount as finance writes it, in whole cents, or null when it is
 * not one: "1,234.56", "$1,234.56", "-1234.56", "(1,234.56)", "12", "12.5".
 * The backend decides what is accepted; this only totals what is being typed.
 */
export function parseCents(text: string): number | null {
  let t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    if (negative) return null;
    negative = true;
    t = t.slice(1);
  }
  if (t.startsWith('$')) t = t.slice(1);
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const whole = Number(m[1].replace(/,/g, ''));
  const frac = m[2] ? Number(m[2].padEnd(2, '0')) : 0;
  const cents = whole * 100 + frac;
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

/** The sum of typed amounts, or null when one of them is not an amount (empty counts as 0). */
export function sumTyped(texts: readonly string[]): number | null {
  let total = 0;
  for (const t of texts) {
    if (t.trim() === '') continue;
    const c = parseCents(t);
    if (c === null) return null;
    total += c;
  }
  return total;
}

export { money };

// Schedule settings as a person would type them: shift types and rules.

import type { Differential, DifferentialKind, RulesForm, RulesInput, ShiftType, ShiftTypeInput } from '../../lib/scheduleTypes';
import { centsInput } from '../../lib/format';

export const DIFFERENTIAL_KINDS: { value: DifferentialKind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'percent', label: '% of the hourly rate' },
  { value: 'per_hour', label: '$ per hour' },
];

/** 720 → "12", 510 → "8.5", 450 → "7.5". */
export function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The differential's value as typed: 1000 basis points → "10", 250 cents → "2.50". */
export function differentialValue(d: Differential): string {
  if (d.kind === 'percent') return String(d.value / 100);
  if (d.kind === 'per_hour') return centsInput(d.value);
  return '';
}

/** "10 %", "$2.50/h", or "—". */
export function differentialText(d: Differential): string {
  if (d.kind === 'percent') return `${d.value / 100} %`;
  if (d.kind === 'per_hour') return `$${centsInput(d.value)}/h`;
  return '—';
}

export function shiftTypeInput(s: ShiftType | null): ShiftTypeInput {
  return {
    code: s?.code ?? '',
    name: s?.name ?? '',
    start: s?.start ?? '',
    length_hours: s ? hoursText(s.length_minutes) : '',
    unpaid_break_minutes: s ? String(s.unpaid_break_minutes) : '0',
    evening: s?.evening ?? false,
    night: s?.night ?? false,
    differential_kind: s?.differential.kind ?? 'none',
    differential_value: s ? differentialValue(s.differential) : '',
  };
}

/** A value only goes with a differential that has one. */
export function shiftTypeToSend(input: ShiftTypeInput): ShiftTypeInput {
  return input.differential_kind === 'none' ? { ...input, differential_value: '' } : { ...input };
}

export function rulesInput(f: RulesForm): RulesInput {
  return {
    min_rest_hours: f.min_rest_hours,
    max_consecutive_8h: f.max_consecutive_8h,
    max_consecutive_12h: f.max_consecutive_12h,
    weekly_hours_limit: f.weekly_hours_limit,
    period_hours_limit: f.period_hours_limit,
    per_diem_period_hours_limit: f.per_diem_period_hours_limit,
    no_day_after_night: f.no_day_after_night,
    max_weekends_per_4_weeks: f.max_weekends_per_4_weeks,
    pay_period_anchor: f.pay_period_anchor,
    weekend_differential_kind: f.weekend_differential_kind,
    weekend_differential_value: f.weekend_differential_kind === 'none' ? '' : f.weekend_differential_value,
    holiday_differential_kind: f.holiday_differential_kind,
    holiday_differential_value: f.holiday_differential_kind === 'none' ? '' : f.holiday_differential_value,
  };
}

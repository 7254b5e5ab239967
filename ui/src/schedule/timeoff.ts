// Time-off requests: pending first, then by start date.

import type { OverlappingShift, TimeOffInput, TimeOffRequest, TimeOffStatus } from '../lib/scheduleTypes';
import { shortDate } from './grid';

const ORDER: Record<TimeOffStatus, number> = { requested: 0, approved: 1, denied: 2 };

export function sortRequests(list: readonly TimeOffRequest[]): TimeOffRequest[] {
  return [...list].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.from.localeCompare(b.from) || a.id - b.id);
}

export function emptyTimeOff(): TimeOffInput {
  return { staff_id: null, from: '', to: '', kind: null, paid: true, note: '' };
}

/** "12 Dec" or "12 – 14 Dec" style ranges are left to the caller; this joins ISO dates. */
export function dateRange(from: string, to: string): string {
  return from === to ? from : `${from} – ${to}`;
}

/** "Night 12 (N) on 12 Dec 2026", "… · published" when it was published. */
export function overlapText(s: OverlappingShift): string {
  return `${s.shift_name} (${s.shift_code}) on ${shortDate(s.date)}${s.published ? ' · published' : ''}`;
}

// Fill schedule, the words and figures: what a proposal would change, how a
// running fill is doing, and which grid cells to mark as proposed.

import type { FillChange, FillHours, FillOptions, FillProgress, FillSummary } from '../lib/scheduleTypes';
import { plural } from '../lib/format';
import { cellKey, shortDate } from './grid';

export const DEFAULT_OPTIONS: FillOptions = {
  keep_locked: true,
  keep_existing: true,
  requests: 5,
  fairness: 3,
  cost: 3,
  seconds: 20,
  extra_hours: 12,
  staff_to: 'target',
};

/** "42 shifts added, 3 changed, 5 removed (2 broke a blocking rule, 3 per
 * diem or agency shifts given to staff short of their hours)" (only the parts
 * that apply): the shifts that had to come off explain a gap that opens where
 * the period looked covered, and the released ones why per diem hours fell. */
export function changesText(
  s: Pick<FillSummary, 'added' | 'changed' | 'removed' | 'removed_blocked'> & Partial<Pick<FillSummary, 'removed_hourly'>>,
): string {
  const parts: string[] = [];
  if (s.added) parts.push(`${plural(s.added, 'shift')} added`);
  if (s.changed) parts.push(`${s.changed} changed`);
  if (s.removed) {
    const why: string[] = [];
    if (s.removed_blocked) why.push(`${s.removed_blocked} broke a blocking rule`);
    if (s.removed_hourly) why.push(`${plural(s.removed_hourly, 'per diem or agency shift')} given to staff short of their hours`);
    parts.push(`${s.removed} removed${why.length ? ` (${why.join(', ')})` : ''}`);
  }
  return parts.length ? parts.join(', ') : 'No changes';
}

/** "Gaps below minimum: 5 → 0". */
export function gapsText(before: number, after: number): string {
  return `${before} → ${after}`;
}

/** The bar's share, 0–1: time used of the limit. */
export function progressShare(p: FillProgress): number {
  return p.limit_ms > 0 ? Math.min(1, p.elapsed_ms / p.limit_ms) : 0;
}

/** "12 s of 20 s". */
export function elapsedText(p: FillProgress): string {
  return `${Math.floor(p.elapsed_ms / 1000)} s of ${Math.round(p.limit_ms / 1000)} s`;
}

/** "Lopez, Maria · 12 Dec: – → D" for the list of changes. */
export function changeText(c: FillChange): string {
  return `${c.name} · ${shortDate(c.date, false)}: ${c.from ?? 'off'} → ${c.to ?? 'off'}`;
}

/** The grid keys of the changed cells, with what each held before. */
export function proposedCells(changes: readonly FillChange[]): Map<string, FillChange> {
  return new Map(changes.map((c) => [cellKey(c.staff_id, c.date), c]));
}

/**
 * "36 h → 216 h of 216 h", "0 h → 24 h of —" for people without a
 * target, and "· most their limits allow" for someone less than a shift short
 * whom no further shift fits.
 */
export function hoursText(h: FillHours): string {
  const move = `${hoursOf(h.before_minutes)} → ${hoursOf(h.after_minutes)}`;
  if (h.target_minutes === null) return `${move} of —`;
  const limit = h.at_limit ? ' · most their limits allow' : '';
  return `${move} of ${hoursOf(h.target_minutes)}${limit}`;
}

/** "216 h", "7.5 h". */
export function hoursOf(minutes: number): string {
  const h = minutes / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

/** People left far from their target, with the reason, furthest first. */
export function farFromTarget(hours: readonly FillHours[]): FillHours[] {
  const gap = (h: FillHours) => Math.abs(h.after_minutes - (h.target_minutes ?? h.after_minutes));
  return hours
    .filter((h) => h.reason !== null && h.target_minutes !== null)
    .sort((a, b) => gap(b) - gap(a) || a.name.localeCompare(b.name));
}

/** Per diem and agency staff the Fill gave shifts, with why: most hours first. */
export function hourlyAdded(hours: readonly FillHours[]): FillHours[] {
  return hours
    .filter((h) => h.reason !== null && h.target_minutes === null)
    .sort((a, b) => b.after_minutes - a.after_minutes || a.name.localeCompare(b.name));
}

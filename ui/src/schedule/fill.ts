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

/** "11 shifts added, 19 moved from per diem/agency to your own staff, 3
 * changed, 5 taken off": each change is of one kind only, so the figures add
 * up to the cells the grid marks (a move is two: struck out in a per diem or
 * agency row, added in a row of your own staff). */
export function changesText(s: Pick<FillSummary, 'added' | 'changed' | 'removed'> & Partial<Pick<FillSummary, 'moved'>>): string {
  const parts: string[] = [];
  if (s.added) parts.push(`${plural(s.added, 'shift')} added`);
  if (s.moved) parts.push(`${s.added ? s.moved : plural(s.moved, 'shift')} moved from per diem/agency to your own staff`);
  if (s.changed) parts.push(`${s.changed} changed`);
  if (s.removed) parts.push(`${s.removed} taken off`);
  return parts.length ? parts.join(', ') : 'No changes';
}

/** What the review offers: a proposal with changes is accepted or discarded;
 *  one without changes only closes (nothing would change either way); an
 *  accepted review shown again only closes. */
export type ReviewChoice = 'decide' | 'nothing' | 'accepted';

export function reviewChoice(changes: number, accepted: boolean): ReviewChoice {
  if (accepted) return 'accepted';
  return changes === 0 ? 'nothing' : 'decide';
}

/** Why shifts came off, in plain words: "2 of those taken off broke a
 * blocking rule (approved time off, a credential that blocks)". Empty when
 * none did. */
export function removedWhy(s: Pick<FillSummary, 'removed_blocked' | 'weekend_trades'>): string[] {
  const out: string[] = [];
  if (s.removed_blocked) {
    out.push(`${s.removed_blocked} taken off because ${s.removed_blocked === 1 ? 'it broke' : 'they broke'} a blocking rule (approved time off, a credential that blocks)`);
  }
  if (s.weekend_trades) {
    out.push(`${s.weekend_trades} taken off to share weekends more evenly (kept shifts of people two weekends or more from their share)`);
  }
  return out;
}

/** A review's gap figures: coverage cells before → with the proposal. */
export interface FillGaps {
  before: { short: number; under: number };
  after: { short: number; under: number };
}

/** The review's gap figures, as the backend counts them once for the
 * progress bar, the review and the grid: coverage cells below their minimum
 * (red) and, minimum met, under their target (amber). */
export function summaryGaps(s: Pick<FillSummary, 'short_before' | 'short_after' | 'under_target_before' | 'under_target_after'>): FillGaps {
  return {
    before: { short: s.short_before, under: s.under_target_before },
    after: { short: s.short_after, under: s.under_target_after },
  };
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
 * "36 h → 216 h of 216 h", "0 h → 180 h · no LPN coverage set" for people
 * without a target (the backend says why), and "· most their limits allow"
 * for someone less than a shift short whom no further shift fits.
 */
export function hoursText(h: FillHours): string {
  const move = `${hoursOf(h.before_minutes)} → ${hoursOf(h.after_minutes)}`;
  if (h.target_minutes === null) return h.no_target ? `${move} · ${h.no_target}` : move;
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

// The Schedule section's state: the periods, the open period's view, and the
// changes made to it. Every command that changes the grid returns the whole
// view, which replaces the one on screen (coverage, totals and violations
// update with it). Changes run one at a time, in the order they were made.

import { call } from '../lib/api';
import { isBlocked, toAppError } from '../lib/errors';
import type { AppError, RefusedCell, ShiftSwap, StaffRequest, WorkedCell } from '../lib/bindings';
import type { AssignOutcome, SchedulePeriod, ScheduleView, ShiftType, Violation } from '../lib/scheduleTypes';
import { defaultPeriod, shortDate } from './grid';

export interface Notice {
  tone: 'bad' | 'warn' | 'info';
  text: string;
  /** The cells a refusal concerns, highlighted on the grid while it shows. */
  cells?: RefusedCell[];
}

// The period last opened, kept while the app runs: coming back to the
// Schedule (after the Dashboard or a staff page) reopens the draft being
// worked on, not the period holding today.
let lastOpened: number | null = null;

export class ScheduleState {
  periods = $state<SchedulePeriod[] | null>(null);
  shiftTypes = $state<ShiftType[] | null>(null);
  periodId = $state<number | null>(null);
  view = $state.raw<ScheduleView | null>(null);
  loadError = $state<string | null>(null);
  notice = $state<Notice | null>(null);
  /** The staff requests on the open period's days (the grid's request layer). */
  requests = $state.raw<StaffRequest[]>([]);
  /** Whether the grid shows the request layer. */
  showRequests = $state(true);
  /** What the time clock shows on the open period's days so far. */
  worked = $state.raw<WorkedCell[]>([]);
  /** Whether the grid shows the worked-vs-scheduled layer. */
  showWorked = $state(true);
  /** The open period's decided shift swaps, newest first. */
  swaps = $state.raw<ShiftSwap[]>([]);
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;

  constructor(private today: string) {}

  get period(): SchedulePeriod | null {
    return this.periods?.find((p) => p.id === this.periodId) ?? null;
  }

  /** Loads the periods and shift types, and opens `keep` (else the period last
   *  opened) or the default period. */
  async load(keep: number | null = this.periodId ?? lastOpened): Promise<void> {
    try {
      const [periods, shiftTypes] = await Promise.all([call('periods_list'), call('shift_types_list')]);
      this.periods = periods;
      this.shiftTypes = shiftTypes;
      this.loadError = null;
      const chosen = periods.find((p) => p.id === keep) ?? defaultPeriod(periods, this.today);
      await this.open(chosen?.id ?? null);
    } catch (raw) {
      this.loadError = toAppError(raw).message;
    }
  }

  async open(id: number | null): Promise<void> {
    this.periodId = id;
    if (id !== null) lastOpened = id;
    this.notice = null;
    const mine = ++this.seq;
    if (id === null) {
      this.view = null;
      return;
    }
    try {
      const [view, requests, swaps, worked] = await Promise.all([
        call('schedule_view', { period_id: id }),
        call('requests_for_period', { period_id: id }),
        call('swaps_for_period', { period_id: id }),
        call('schedule_worked', { period_id: id }),
      ]);
      if (mine === this.seq) {
        this.view = view;
        this.requests = requests;
        this.swaps = swaps;
        this.worked = worked;
        this.loadError = null;
      }
    } catch (raw) {
      if (mine === this.seq) this.loadError = toAppError(raw).message;
    }
  }

  /** Runs changes one after another, so fast typing cannot reorder them. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private applied(outcome: AssignOutcome, name: string, date: string, code: string) {
    this.view = outcome.view;
    this.notice = outcome.warnings.length
      ? { tone: 'warn', text: `Assigned ${code} to ${name} on ${shortDate(date, false)} with a warning: ${warningText(outcome.warnings)}` }
      : null;
  }

  private refused(err: AppError, name: string, date: string) {
    // A refusal's message says itself that the shift was not assigned, and why.
    const text = isBlocked(err)
      ? err.message
      : (err.fields.find((f) => f.field === 'shift_code')?.message ?? `${name}, ${shortDate(date, false)}: ${err.message}`);
    this.notice = err.cells?.length ? { tone: 'bad', text, cells: err.cells } : { tone: 'bad', text };
  }

  assign(staffId: number, name: string, date: string, code: string): Promise<boolean> {
    const periodId = this.periodId;
    if (periodId === null) return Promise.resolve(false);
    return this.enqueue(async () => {
      try {
        const outcome = await call('assignment_set', { period_id: periodId, staff_id: staffId, date, shift_code: code });
        if (periodId === this.periodId) this.applied(outcome, name, date, code);
        return true;
      } catch (raw) {
        this.refused(toAppError(raw), name, date);
        return false;
      }
    });
  }

  clear(staffId: number, name: string, date: string): Promise<boolean> {
    const periodId = this.periodId;
    if (periodId === null) return Promise.resolve(false);
    return this.enqueue(async () => {
      try {
        const view = await call('assignment_clear', { period_id: periodId, staff_id: staffId, date });
        if (periodId === this.periodId) this.view = view;
        this.notice = null;
        return true;
      } catch (raw) {
        this.refused(toAppError(raw), name, date);
        return false;
      }
    });
  }

  /** Locks or unlocks a cell against Fill schedule. */
  lock(staffId: number, name: string, date: string, locked: boolean): Promise<boolean> {
    const periodId = this.periodId;
    if (periodId === null) return Promise.resolve(false);
    return this.enqueue(async () => {
      try {
        const view = await call('assignment_lock', { period_id: periodId, staff_id: staffId, date, locked });
        if (periodId === this.periodId) this.view = view;
        this.notice = null;
        return true;
      } catch (raw) {
        this.refused(toAppError(raw), name, date);
        return false;
      }
    });
  }

  /** Fills a called-out shift with a candidate (a change after publishing). */
  fill(staffId: number, name: string, date: string, code: string): Promise<void> {
    const periodId = this.periodId;
    if (periodId === null) return Promise.resolve();
    return this.enqueue(async () => {
      const outcome = await call('call_out_fill', { period_id: periodId, staff_id: staffId, date, shift_code: code });
      if (periodId === this.periodId) this.applied(outcome, name, date, code);
    });
  }

  /** Reloads the period's requests (after one is added, changed or removed). */
  async reloadRequests(): Promise<void> {
    const id = this.periodId;
    if (id === null) return;
    try {
      const requests = await call('requests_for_period', { period_id: id });
      if (id === this.periodId) this.requests = requests;
    } catch (raw) {
      this.notice = { tone: 'bad', text: toAppError(raw).message };
    }
  }

  /** After a swap was decided: the view it left (none when declined) and what to say. */
  async swapDecided(next: ScheduleView | null, said: string): Promise<void> {
    const id = this.periodId;
    if (next && id === next.period.id) this.view = next;
    this.notice = { tone: 'info', text: said };
    if (id === null) return;
    try {
      const swaps = await call('swaps_for_period', { period_id: id });
      if (id === this.periodId) this.swaps = swaps;
    } catch (raw) {
      this.notice = { tone: 'bad', text: toAppError(raw).message };
    }
  }

  /** Reloads the open view (after time off is decided, a call-out, a publish). */
  refresh(): Promise<void> {
    return this.load(this.periodId);
  }
}

export function warningText(warnings: readonly Violation[]): string {
  return warnings.map((w) => w.message).join(' ');
}

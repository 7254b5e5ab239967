// A fill of the open draft period: the options, the run (progress over a Tauri
// Channel, Stop keeps the best), then the proposal to accept or discard. While a
// proposal is shown the grid shows it, read-only; nothing is saved until Accept.

import { Channel } from '@tauri-apps/api/core';
import { call } from '../lib/api';
import { toAppError } from '../lib/errors';
import type { AppError } from '../lib/bindings';
import type { FillChange, FillEvent, FillOptions, FillProgress, FillStaffing, FillSummary, ScheduleView } from '../lib/scheduleTypes';
import { proposedCells } from './fill';

export type FillPhase = 'idle' | 'running' | 'review';

export class FillRun {
  phase = $state<FillPhase>('idle');
  progress = $state<FillProgress | null>(null);
  /** The period's gaps before the fill: below minimum, under target. */
  before = $state<{ minimum: number; target: number } | null>(null);
  stopping = $state(false);
  summary = $state.raw<FillSummary | null>(null);
  staffing = $state.raw<FillStaffing | null>(null);
  preview = $state.raw<ScheduleView | null>(null);
  cells = $state.raw<Map<string, FillChange>>(new Map());
  error = $state<AppError | null>(null);
  busy = $state(false);
  private periodId: number | null = null;
  private channel: Channel<FillEvent> | null = null;

  /** Starts a fill; resolves once it is running (or refused with a field error). */
  async start(periodId: number, options: FillOptions): Promise<boolean> {
    this.reset();
    const channel = new Channel<FillEvent>();
    channel.onmessage = (event) => {
      if (this.channel === channel) this.receive(event);
    };
    this.channel = channel;
    this.periodId = periodId;
    this.phase = 'running';
    try {
      await call('schedule_fill_start', { period_id: periodId, options, on_event: channel });
      return true;
    } catch (raw) {
      this.error = toAppError(raw);
      this.phase = 'idle';
      this.channel = null;
      return false;
    }
  }

  private receive(event: FillEvent) {
    if (event.kind === 'started') {
      this.before = { minimum: event.short_of_minimum, target: event.short_of_target };
    } else if (event.kind === 'progress') {
      this.progress = event.progress;
    } else if (event.kind === 'done') {
      this.summary = event.summary;
      this.staffing = event.staffing;
      this.preview = event.view;
      this.cells = proposedCells(event.summary.changes);
      this.phase = 'review';
      this.channel = null;
    } else {
      this.error = { code: 'internal', message: event.message, field: null, fields: [] };
      this.phase = 'idle';
      this.channel = null;
    }
  }

  /** Ends the run early; the best found so far arrives as the proposal. */
  async stop(): Promise<void> {
    if (this.periodId === null || this.phase !== 'running') return;
    this.stopping = true;
    await call('schedule_fill_stop', { period_id: this.periodId }).catch(() => undefined);
  }

  /** Writes the proposal; the saved view replaces the grid. */
  async accept(): Promise<ScheduleView | null> {
    if (this.periodId === null) return null;
    this.busy = true;
    try {
      const view = await call('schedule_fill_accept', { period_id: this.periodId });
      this.reset();
      return view;
    } catch (raw) {
      this.error = toAppError(raw);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Drops the proposal (or the running fill): the period stays as it was. */
  async discard(): Promise<void> {
    const id = this.periodId;
    this.reset();
    if (id !== null) await call('schedule_fill_discard', { period_id: id }).catch(() => undefined);
  }

  private reset() {
    this.phase = 'idle';
    this.progress = null;
    this.before = null;
    this.stopping = false;
    this.summary = null;
    this.staffing = null;
    this.preview = null;
    this.cells = new Map();
    this.error = null;
    this.channel = null;
    this.periodId = null;
  }
}

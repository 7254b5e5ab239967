// How a training's due status reads on its badge.

import type { DueStatus, TrainingKind } from '../lib/bindings';
import { DUE_STATUSES, TRAINING_KINDS } from '../lib/bindings';
import type { Tone } from '../lib/format';

const TONES: Record<DueStatus, Tone> = { overdue: 'bad', due_soon: 'warn', upcoming: 'neutral', done: 'ok' };

export function dueStatus(status: DueStatus): { text: string; tone: Tone } {
  return { text: DUE_STATUSES.find((d) => d.code === status)?.label ?? status, tone: TONES[status] };
}

export function kindLabel(kind: TrainingKind): string {
  return TRAINING_KINDS.find((k) => k.code === kind)?.label ?? kind;
}

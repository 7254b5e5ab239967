// Words for the change history.
import type { HistoryChange, HistoryAction } from '../lib/bindings';

export function actionLabel(action: HistoryAction): string {
  return { added: 'added', changed: 'changed', removed: 'removed' }[action];
}

/** "$45.00 → $47.50", "set to 0.90", "cleared (was BLS)". */
export function changeText(c: HistoryChange): string {
  if (c.before === null && c.after !== null) return c.after;
  if (c.before !== null && c.after === null) return `${c.before} → (none)`;
  return `${c.before ?? '(none)'} → ${c.after ?? '(none)'}`;
}

// Words for the change history.
import type { HistoryChange } from '../lib/bindings';

/** "$45.00 → $47.50", "set to 0.90", "cleared (was BLS)". */
export function changeText(c: HistoryChange): string {
  if (c.before === null && c.after !== null) return c.after;
  if (c.before !== null && c.after === null) return `${c.before} → (none)`;
  return `${c.before ?? '(none)'} → ${c.after ?? '(none)'}`;
}

/**
 * Whether a date filter is ready to send: empty, or typed to its full
 * length (YYYY-MM-DD, as every date field in the app). A half-typed
 * "2026-1" is neither sent nor refused while the manager is still typing;
 * a finished "12/07/2026" is sent and refused beside its field.
 */
export function dateTyped(text: string): boolean {
  const t = text.trim();
  return t === '' || t.length >= 10;
}

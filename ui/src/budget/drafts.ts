// Typed-but-unsaved figures of a form that the manager left (another tab,
// another section), kept until they come back, so that leaving never
// loses work and nothing is saved without them pressing Save.

const kept = new Map<string, string>();

/** Keeps `value` under `key` when it differs from what is saved; forgets it otherwise. */
export function keepDraft<T>(key: string, value: T, saved: T): void {
  const text = JSON.stringify(value);
  if (text === JSON.stringify(saved)) kept.delete(key);
  else kept.set(key, text);
}

/** The draft kept under `key`, if any (it stays kept until saved or discarded). */
export function draft<T>(key: string): T | null {
  const text = kept.get(key);
  return text === undefined ? null : (JSON.parse(text) as T);
}

export function forgetDraft(key: string): void {
  kept.delete(key);
}

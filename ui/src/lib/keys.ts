// Keyboard shortcuts must not fire while someone types or a dialog is open.

/** True when the key went to a place where it types text or picks an option. */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

export function dialogOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('dialog[open]') !== null;
}

/** A plain key (no Ctrl/Alt/Meta) pressed outside a text field and any dialog. */
export function isPlainShortcut(e: KeyboardEvent, key: string): boolean {
  return e.key === key && !e.ctrlKey && !e.altKey && !e.metaKey && !isTyping(e.target) && !dialogOpen();
}

/** Alt+1 … Alt+9 → 0 … 8, or null. Uses the physical key so macOS Option works. */
export function altDigit(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'code'>): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const m = /^Digit([1-9])$/.exec(e.code);
  return m ? Number(m[1]) - 1 : null;
}

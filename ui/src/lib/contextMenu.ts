// The webview's own right-click menu (Back, Reload, Inspect Element…) means
// nothing to a manager; only text boxes keep theirs, for cut, copy and paste.
// The schedule grid opens its cell menu on a right-click instead.

type Target = { tagName?: string; type?: string; isContentEditable?: boolean } | null;

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'password', '']);

/** Whether a right-click on `target` keeps the webview's own menu. */
export function keepsContextMenu(target: Target): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && TEXT_INPUTS.has((target.type ?? '').toLowerCase());
}

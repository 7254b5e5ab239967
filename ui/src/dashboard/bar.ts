// Bar lengths. The CSP allows no inline style attribute, so a bar's width is
// set through the element's style object instead.

/** Svelte action: the element's width is `fraction` (0 to 1) of its parent. */
export function share(node: HTMLElement, fraction: number) {
  const set = (f: number) => {
    const clamped = Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0;
    node.style.width = `${(clamped * 100).toFixed(2)}%`;
  };
  set(fraction);
  return { update: set };
}

// The platform the window runs on, for the few things that differ by it.

/** Whether the page runs in WebKitGTK on Linux (not Android). */
export function isLinux(userAgent: string): boolean {
  return /\bLinux\b/.test(userAgent) && !/\bAndroid\b/.test(userAgent);
}

/** Marks the root element with the platform, before the first layout (see app.css). */
export function markPlatform(root: HTMLElement, userAgent: string): void {
  if (isLinux(userAgent)) root.classList.add('linux');
}

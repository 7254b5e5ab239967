import type { Dashboard } from '../lib/bindings';
import { call } from '../lib/api';

// The Dashboard's figures are asked for before the section is shown — with
// the app status at start-up, or when the Dashboard button is pressed — so
// that its first frame already shows them (one paint instead of two).

/** How long the sidebar waits for the figures before showing the section anyway. */
export const AHEAD_MS = 150;

let ready: Dashboard | null = null;
let pending: Promise<Dashboard> | null = null;

export function preloadDashboard(d: Dashboard): void {
  ready = d;
  pending = null;
}

/**
 * Asks for the figures, and resolves once they are here or after `AHEAD_MS`,
 * whichever comes first. A slow answer is not lost: the section takes it over.
 */
export function askAhead(): Promise<void> {
  ready = null;
  const asked = call('dashboard');
  pending = asked;
  asked.then(
    (d) => {
      if (pending === asked) preloadDashboard(d);
    },
    () => undefined,
  );
  return Promise.race([
    asked.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, AHEAD_MS)),
  ]);
}

/** What was asked for ahead, once: the figures, or the answer still on its way. */
export function takePreloaded(): { ready: Dashboard | null; pending: Promise<Dashboard> | null } {
  const taken = { ready, pending: ready ? null : pending };
  ready = null;
  pending = null;
  return taken;
}

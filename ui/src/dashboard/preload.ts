import type { Dashboard } from '../lib/bindings';

// Start-up asks for the dashboard together with the app status, so that the
// first frame the window paints already shows it (as the roster's preload).
let preloaded: Dashboard | null = null;

export function preloadDashboard(d: Dashboard): void {
  preloaded = d;
}

/** The preloaded dashboard, once; later openings ask the backend afresh. */
export function takePreloaded(): Dashboard | null {
  const d = preloaded;
  preloaded = null;
  return d;
}

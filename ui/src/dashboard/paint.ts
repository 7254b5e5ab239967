// Timing marks for the benchmark "the dashboard, from opening to painted":
// `dashboard-mounted` when the section is created (its figures are usually
// here by then, see `preload`), `dashboard-painted` after the frame that
// shows the figures. User Timing marks cost next to nothing and
// are read by the WebDriver benchmark (tests/e2e/benches/dashboard_paint.rs).

import { reportReady } from '../lib/api';

export function markMounted(): void {
  performance.mark('dashboard-mounted');
}

/** Call once the figures are in the DOM: marks the frame after it is painted. */
export function markPainted(): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('dashboard-painted');
    }, 0),
  );
  reportReady('dashboard');
}

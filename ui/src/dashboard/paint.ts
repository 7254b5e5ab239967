// Timing marks for the benchmark "the dashboard, from opening to painted":
// `dashboard-open` when the section starts, `dashboard-data` when its figures
// have arrived, `dashboard-painted` after the frame that shows them. User Timing marks cost next to nothing and
// are read by the WebDriver benchmark (tests/e2e/benches/dashboard_paint.rs).

import { reportReady } from '../lib/api';

export function markOpen(): void {
  performance.mark('dashboard-open');
}

export function markData(): void {
  performance.mark('dashboard-data');
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

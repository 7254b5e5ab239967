import type { StaffQuery, StaffRow } from '../lib/bindings';

/** The roster as it first opens: active staff by name. */
export function defaultQuery(): StaffQuery {
  return { search: '', role: null, employment_type: null, status: 'active', sort: 'name', descending: false };
}

export function sameQuery(a: StaffQuery, b: StaffQuery): boolean {
  return (
    a.search === b.search &&
    a.role === b.role &&
    a.employment_type === b.employment_type &&
    a.status === b.status &&
    a.sort === b.sort &&
    a.descending === b.descending
  );
}

// Start-up asks for the roster together with the app status, so that the
// first frame the window paints already shows it (one paint instead of two).
let preloaded: { query: StaffQuery; rows: StaffRow[] } | null = null;

export function preloadRoster(query: StaffQuery, rows: StaffRow[]): void {
  preloaded = { query, rows };
}

/** The preloaded rows if they answer `query`; each preload is used once. */
export function takePreloaded(query: StaffQuery): StaffRow[] | null {
  const p = preloaded;
  preloaded = null;
  return p && sameQuery(p.query, query) ? p.rows : null;
}

/** Roster rows that fill a 1280×800 window, and a little more: what the first frame draws. */
export const FIRST_FRAME_ROWS = 24;

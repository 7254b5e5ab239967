// The sections of the app, in sidebar order (Alt+1 … Alt+7), and the places
// inside them that other screens (the Dashboard) can open directly.

export const SECTIONS = ['Dashboard', 'Staff', 'Schedule', 'Attendance', 'Budget', 'Reports', 'Settings'] as const;
export type Section = (typeof SECTIONS)[number];

/** The sidebar's name of a section, where it is longer than its key. */
export function sectionLabel(s: Section): string {
  return s === 'Attendance' ? 'Time & attendance' : s;
}

/** Where to go: a section, or a place in it where something gets fixed. */
export type Target =
  | { section: 'Staff'; staffId?: number }
  | { section: 'Schedule'; periodId?: number; date?: string; timeOff?: boolean }
  | { section: Exclude<Section, 'Staff' | 'Schedule'> };

export type Navigate = (target: Target) => void;

/** The section named `name` in any letter case ("staff" → Staff), or null. */
export function sectionNamed(name: unknown): Section | null {
  if (typeof name !== 'string') return null;
  return SECTIONS.find((s) => s.toLowerCase() === name.toLowerCase()) ?? null;
}

/**
 * The section the window opens on: the backend writes `--open` into the page
 * before any script runs (see src-tauri/src/early.rs), so
 * start-up can ask for that section's data together with the app status.
 */
export function startSection(): Section {
  const named = (window as { __WARDBOOK_OPEN__?: unknown }).__WARDBOOK_OPEN__;
  return sectionNamed(named) ?? 'Dashboard';
}

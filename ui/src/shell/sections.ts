// The sections of the app, in sidebar order (Alt+1 … Alt+6).

export const SECTIONS = ['Dashboard', 'Staff', 'Schedule', 'Budget', 'Reports', 'Settings'] as const;
export type Section = (typeof SECTIONS)[number];

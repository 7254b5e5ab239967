// The Budget section's sub-tabs, in order.

export const TABS = [
  { id: 'sheet', label: 'Sheet' },
  { id: 'actuals', label: 'Actuals' },
  { id: 'import', label: 'Import' },
  { id: 'expenses', label: 'Expenses' },
  { id: 'variance', label: 'Variance' },
  { id: 'targets', label: 'Volume & targets' },
  { id: 'productivity', label: 'Productivity' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

/** The tab an arrow, Home or End key moves to from `current`, or null for another key. */
export function tabAfterKey(current: TabId, key: string): TabId | null {
  const i = TABS.findIndex((t) => t.id === current);
  const n = TABS.length;
  switch (key) {
    case 'ArrowRight':
      return TABS[(i + 1) % n].id;
    case 'ArrowLeft':
      return TABS[(i - 1 + n) % n].id;
    case 'Home':
      return TABS[0].id;
    case 'End':
      return TABS[n - 1].id;
    default:
      return null;
  }
}

/** "Jul 2027 – Jun 2028" for a fiscal year starting in `startMonth` (1–12) of `firstYear`. */
export function fiscalSpan(firstYear: number, startMonth: number): string {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const endMonth = ((startMonth + 10) % 12) + 1;
  const endYear = startMonth === 1 ? firstYear : firstYear + 1;
  return `${names[startMonth - 1]} ${firstYear} – ${names[endMonth - 1]} ${endYear}`;
}

// The staffing card's table: one row per shift and, for each day, one column
// per need (RN, CNA, Charge…), in the order the coverage rules list them.

import type { DayStaffing, NeedCount } from '../lib/bindings';

export interface StaffingRow {
  code: string;
  name: string;
  start: string;
  /** Per day, per column: the need, or null when the shift has none that day. */
  cells: (NeedCount | null)[][];
}

export interface StaffingTable {
  columns: string[];
  rows: StaffingRow[];
}

export function staffingTable(days: readonly DayStaffing[]): StaffingTable {
  const columns: string[] = [];
  const shifts = new Map<string, { code: string; name: string; start: string }>();
  for (const d of days) {
    for (const s of d.shifts) {
      if (!shifts.has(s.code)) shifts.set(s.code, { code: s.code, name: s.name, start: s.start });
      for (const n of s.needs) if (!columns.includes(n.label)) columns.push(n.label);
    }
  }
  const rows = [...shifts.values()]
    .sort((a, b) => a.start.localeCompare(b.start) || a.code.localeCompare(b.code))
    .map((s) => ({
      ...s,
      cells: days.map((d) => {
        const shift = d.shifts.find((x) => x.code === s.code);
        return columns.map((c) => shift?.needs.find((n) => n.label === c) ?? null);
      }),
    }));
  return { columns, rows };
}

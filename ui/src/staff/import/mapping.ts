// The column-mapping step of the staff import, as plain functions: what a
// column is called, what it looks like, and choosing a field for it.

import type { Role, StaffField, StaffImportColumns, StaffImportMapping, StaffImportRow } from '../../lib/bindings';

/** The header text when the first row is a header, else "Column 3". */
export function columnName(cols: StaffImportColumns, mapping: StaffImportMapping, i: number): string {
  const header = cols.headers[i]?.trim() ?? '';
  return mapping.has_header && header !== '' ? header : `Column ${i + 1}`;
}

/** Up to three values of column `i` to recognise it by (the header row too, when it is data). */
export function examples(cols: StaffImportColumns, mapping: StaffImportMapping, i: number): string[] {
  const rows = mapping.has_header ? cols.sample : [cols.headers, ...cols.sample];
  return rows
    .map((r) => (r[i] ?? '').trim())
    .filter((v) => v !== '')
    .slice(0, 3);
}

/**
 * Gives `field` to column `i`; a field belongs to one column, so any other column holding it lets go.
 * A column chosen for the role replaces a role taken from another column (the job code).
 */
export function choose(mapping: StaffImportMapping, i: number, field: StaffField | null): StaffImportMapping {
  const columns = mapping.columns.map((f, j) => (j === i ? field : f === field && field !== null ? null : f));
  return { ...mapping, columns, role_column: columns.includes('role') ? null : mapping.role_column };
}

/** The role for every value of the role column that reads as `value` (case and punctuation aside); null forgets the choice. */
export function chooseRole(
  mapping: StaffImportMapping,
  value: string,
  role: Role | null,
  skill_ids: number[] = [],
): StaffImportMapping {
  const key = (v: string) => v.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const roles = mapping.roles.filter((c) => key(c.value) !== key(value));
  return { ...mapping, roles: role === null ? roles : [...roles, { value, role, skill_ids }] };
}

/** `skill_ids` with `id` turned on or off, in id order. */
export function toggleSkill(skill_ids: number[], id: number, on: boolean): number[] {
  const rest = skill_ids.filter((s) => s !== id);
  return (on ? [...rest, id] : rest).sort((a, b) => a - b);
}

/** Same columns in the same order: a corrected copy of the file keeps its mapping. */
export function sameHeaders(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((h, i) => h.trim() === (b[i] ?? '').trim());
}

/** The rows of one kind, in file order. */
export function rowsOf(rows: StaffImportRow[], action: StaffImportRow['action']): StaffImportRow[] {
  return rows.filter((r) => r.action === action);
}

/** "1 row cannot be imported" / "3 rows cannot be imported". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// The mapping and the preview's choices (roles, statuses, date order, rate)
// kept for this session by the file's header, so Cancel and choosing the
// same export again does not lose what the manager chose.
const kept = new Map<string, StaffImportMapping>();
const headerKey = (headers: string[]) => JSON.stringify(headers);

export function keepMapping(headers: string[], mapping: StaffImportMapping): void {
  kept.set(headerKey(headers), structuredClone(mapping));
}

/** After an import the database remembers the mapping (and says so). */
export function forgetMapping(headers: string[]): void {
  kept.delete(headerKey(headers));
}

/** The mapping kept for a file with these headers, else `guess`. */
export function keptMapping(headers: string[], guess: StaffImportMapping): StaffImportMapping {
  const m = kept.get(headerKey(headers));
  return structuredClone(m && m.columns.length === guess.columns.length ? m : guess);
}

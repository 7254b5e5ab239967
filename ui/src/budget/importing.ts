// The import's mapping step: what each column is called in the pickers, and
// the bad rows of a refused import read back from the error's fields.

import type { AppError } from '../lib/bindings';
import type { ImportColumns } from '../lib/budgetTypes';

/** "Account (e.g. 6010)" with a header; "Column 2 (e.g. 2026-07)" without. */
export function columnOptions(cols: ImportColumns, hasHeader: boolean): { value: string; label: string }[] {
  const width = Math.max(cols.headers.length, ...cols.sample.map((r) => r.length));
  const example = (i: number) => (hasHeader ? cols.sample[0]?.[i] : cols.headers[i]) ?? '';
  return Array.from({ length: width }, (_, i) => {
    const name = hasHeader && cols.headers[i] ? cols.headers[i] : `Column ${i + 1}`;
    const ex = example(i);
    return { value: String(i), label: ex ? `${name} (e.g. ${ex})` : name };
  });
}

export interface BadRow {
  line: string;
  reason: string;
}

/** The refused import names every bad row as a field "line 7"; in file order. */
export function badRows(err: AppError | null): BadRow[] {
  if (!err) return [];
  return err.fields
    .filter((f) => /^line \d+$/.test(f.field))
    .map((f) => ({ line: f.field.slice(5), reason: f.message }))
    .sort((a, b) => Number(a.line) - Number(b.line));
}

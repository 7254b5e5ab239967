// Turning whatever a failed command rejects with into the one AppError shape,
// and an AppError into messages placed beside the fields they concern.

import type { AppError, ErrorCode } from './bindings';

// `blocked`: the schedule rules refused an assignment; the message says why.
// `locked`: the file is encrypted and waits for its passphrase.
const CODES: readonly ErrorCode[] = ['validation', 'not_found', 'conflict', 'blocked', 'corrupt', 'storage', 'locked', 'internal'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fieldList(value: unknown): AppError['fields'] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .filter((f) => typeof f.field === 'string' && typeof f.message === 'string')
    .map((f) => ({ field: f.field as string, message: f.message as string }));
}

/** The cells a blocking rule refuses, when the error names them. */
function cellList(value: unknown): AppError['cells'] {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter(isRecord)
    .filter((c) => typeof c.staff_id === 'number' && typeof c.date === 'string')
    .map((c) => ({ staff_id: c.staff_id as number, date: c.date as string }));
}

/** Tauri rejects with a plain string when the arguments could not be read; the
 *  manager gets a sentence, with the technical detail kept at the end. */
function fromText(text: string): AppError {
  const detail = text.trim();
  return {
    code: 'internal',
    message: detail
      ? `Wardbook could not carry out that request, so nothing was changed. (${detail})`
      : 'Wardbook could not carry out that request, so nothing was changed.',
    field: null,
    fields: [],
  };
}

/** Normalises any rejection into an AppError. */
export function toAppError(raw: unknown): AppError {
  if (typeof raw === 'string') return fromText(raw);
  if (isRecord(raw) && typeof raw.message === 'string') {
    const code = CODES.includes(raw.code as ErrorCode) ? (raw.code as ErrorCode) : 'internal';
    if (raw instanceof Error && !('code' in raw)) return fromText(raw.message);
    const fields = fieldList(raw.fields);
    const field = typeof raw.field === 'string' && raw.field !== '' ? raw.field : null;
    const cells = cellList(raw.cells);
    return cells ? { code, message: raw.message, field, fields, cells } : { code, message: raw.message, field, fields };
  }
  return fromText('');
}

export function isAppError(value: unknown): value is AppError {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string' && Array.isArray(value.fields);
}

/** One message per field name. `aliases` maps a backend field name to the form's
 *  (e.g. the terminate command reports `termination_date` for the `last_day` input). */
export function fieldErrors(err: AppError | null, aliases: Record<string, string> = {}): Record<string, string> {
  const map: Record<string, string> = {};
  if (!err) return map;
  const put = (field: string, message: string) => {
    const name = aliases[field] ?? field;
    if (!(name in map)) map[name] = message;
  };
  for (const f of err.fields) put(f.field, f.message);
  if (err.field && err.fields.length === 0) put(err.field, err.message);
  return map;
}

/** The message to show at the top of a form: set when the error is not about any
 *  field the form shows, so nothing goes unexplained. */
export function formError(err: AppError | null, shownFields: readonly string[], aliases: Record<string, string> = {}): string | null {
  if (!err) return null;
  const placed = Object.keys(fieldErrors(err, aliases)).filter((f) => shownFields.includes(f));
  if (placed.length === 0) return err.message;
  const unplaced = Object.entries(fieldErrors(err, aliases)).filter(([f]) => !shownFields.includes(f));
  return unplaced.length > 0 ? unplaced.map(([, m]) => m).join(' ') : null;
}

/** True when the schedule rules refused an assignment (the message is the reason). */
export function isBlocked(err: AppError): boolean {
  return err.code === 'blocked';
}

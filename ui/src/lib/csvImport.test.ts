import { describe, expect, it } from 'vitest';
import { checkRows, whileBusy } from './csvImport';
import type { AppError } from './bindings';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the steps every CSV import shares', () => {
  it('shows the answer of the latest check, never a stale one', async () => {
    const seen: string[] = [];
    const cleanup = checkRows(() => Promise.resolve('old mapping'), (p) => seen.push(p), () => seen.push('error'));
    cleanup(); // the mapping changed before the answer came
    checkRows(() => Promise.resolve('new mapping'), (p) => seen.push(p), () => seen.push('error'));
    await tick();
    expect(seen).toEqual(['new mapping']);
  });

  it('passes a refused check on as the app error', async () => {
    const errors: AppError[] = [];
    checkRows(
      () => Promise.reject({ code: 'validation', message: 'Line 3: no date', fields: {} }),
      () => {},
      (e) => errors.push(e),
    );
    await tick();
    expect(errors.map((e) => e.message)).toEqual(['Line 3: no date']);
  });

  it('is busy only while a step runs, also when it is refused', async () => {
    const busy: boolean[] = [];
    const errors: string[] = [];
    await whileBusy((b) => busy.push(b), async () => {}, () => {});
    await whileBusy((b) => busy.push(b), () => Promise.reject({ code: 'io', message: 'The file could not be read.', fields: {} }), (e) => errors.push(e.message));
    expect(busy).toEqual([true, false, true, false]);
    expect(errors).toEqual(['The file could not be read.']);
  });
});

// The steps every CSV import screen shares (time-clock punches, finance
// actuals): choose a file while busy, check the rows again whenever the file
// or the mapping changes (a later check makes an earlier answer stale), and
// import all or nothing while busy. Each screen keeps its own state and
// words; these keep the order of the steps in one place.

import type { AppError } from './bindings';
import { toAppError } from './errors';

/**
 * Checks the rows: `onPreview` gets the answer, `onError` the refusal,
 * unless the returned cleanup ran first (the file or mapping changed
 * since). Call inside `$effect` and return what it returns.
 */
export function checkRows<P>(
  check: () => Promise<P>,
  onPreview: (preview: P) => void,
  onError: (error: AppError) => void,
): () => void {
  let stale = false;
  check()
    .then((p) => {
      if (!stale) onPreview(p);
    })
    .catch((raw) => {
      if (!stale) onError(toAppError(raw));
    });
  return () => {
    stale = true;
  };
}

/** Runs `step` with `setBusy(true)`, then `setBusy(false)`; a refusal goes to `onError`. */
export async function whileBusy(
  setBusy: (busy: boolean) => void,
  step: () => Promise<void>,
  onError: (error: AppError) => void,
): Promise<void> {
  setBusy(true);
  try {
    await step();
  } catch (raw) {
    onError(toAppError(raw));
  } finally {
    setBusy(false);
  }
}

import type { AppError } from './bindings';
import { focusFirstInvalid } from './aria';
import { toAppError } from './errors';

/** One form's save: busy while it runs, and the backend's refusal if it was refused. */
export class Submission {
  error = $state<AppError | null>(null);
  busy = $state(false);

  /**
   * Runs `save` for a submitted form. On a refusal the error is kept (so the
   * messages show beside their fields, with everything typed still there) and
   * the cursor goes to the first flagged field.
   */
  async run(e: SubmitEvent, save: () => Promise<void>): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    this.busy = true;
    try {
      await save();
      this.error = null;
    } catch (raw) {
      this.error = toAppError(raw);
      await focusFirstInvalid(form);
    } finally {
      this.busy = false;
    }
  }
}

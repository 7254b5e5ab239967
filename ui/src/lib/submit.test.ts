import { describe, expect, it, vi } from 'vitest';
import { Submission } from './submit.svelte';

/** A submit event whose form has no flagged field to focus. */
function submitEvent() {
  const form = { querySelector: vi.fn(() => null) };
  return { preventDefault: vi.fn(), currentTarget: form } as unknown as SubmitEvent;
}

describe('a form submission', () => {
  it('keeps the backend refusal and is no longer busy', async () => {
    const s = new Submission();
    const e = submitEvent();
    await s.run(e, async () => {
      throw { code: 'validation', message: 'FTE must be between 0 and 1.00.', field: 'fte', fields: [{ field: 'fte', message: 'FTE must be between 0 and 1.00.' }] };
    });
    expect(e.preventDefault).toHaveBeenCalled();
    expect(s.error?.field).toBe('fte');
    expect(s.busy).toBe(false);
  });

  it('clears an earlier refusal once a save succeeds', async () => {
    const s = new Submission();
    await s.run(submitEvent(), async () => Promise.reject('raw failure'));
    expect(s.error?.code).toBe('internal');
    await s.run(submitEvent(), async () => {});
    expect(s.error).toBeNull();
  });

  it('is busy while the save runs', async () => {
    const s = new Submission();
    let busyDuring = false;
    await s.run(submitEvent(), async () => {
      busyDuring = s.busy;
    });
    expect(busyDuring).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { makeCall } from './api';
import { lock } from './lock.svelte';

describe('call', () => {
  it('passes the command name and snake_case arguments through unchanged', async () => {
    const seen: unknown[] = [];
    const call = makeCall(async (cmd, args) => {
      seen.push([cmd, args]);
      return { id: 1 };
    });
    await call('credential_save', { staff_id: 7, id: null, input: { type_id: 2, number: '', issued_on: '', expires_on: '', verified_on: '' } });
    expect(seen[0]).toEqual(['credential_save', { staff_id: 7, id: null, input: { type_id: 2, number: '', issued_on: '', expires_on: '', verified_on: '' } }]);
  });

  it('sends no arguments to a command that takes none', async () => {
    let got: unknown = 'unset';
    const call = makeCall(async (_cmd, args) => {
      got = args;
      return [];
    });
    await call('skills_list');
    expect(got).toBeUndefined();
  });

  it('rejects with an AppError whatever the backend threw', async () => {
    const call = makeCall(async () => {
      throw 'invalid args `id` for command `staff_detail`';
    });
    await expect(call('staff_detail', { id: 1 })).rejects.toMatchObject({ code: 'internal', fields: [] });
  });

  it('a locked answer brings up the lock screen; other refusals do not', async () => {
    lock.locked = false;
    const refuse = (code: string) =>
      makeCall(async () => {
        throw { code, message: 'no', field: null, fields: [] };
      });
    await expect(refuse('validation')('skills_list')).rejects.toMatchObject({ code: 'validation' });
    expect(lock.locked).toBe(false);
    await expect(refuse('locked')('skills_list')).rejects.toMatchObject({ code: 'locked' });
    expect(lock.locked).toBe(true);
  });
});

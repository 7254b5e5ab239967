import { describe, expect, it } from 'vitest';
import { currentErrors } from './passphrase';

const sent = { current_passphrase: '', new_passphrase: 'tulips in rain', confirm_passphrase: 'tulips in ran', keep_plain_backups: false };
const errors = { confirm_passphrase: 'This does not match the new passphrase.' };

describe('currentErrors', () => {
  it('keeps an error while the fields hold what was sent', () => {
    expect(currentErrors(errors, sent, { ...sent })).toEqual(errors);
  });
  it('drops "does not match" once the confirmation is corrected', () => {
    expect(currentErrors(errors, sent, { ...sent, confirm_passphrase: 'tulips in rain' })).toEqual({});
  });
  it('drops it too when the new passphrase it was compared with changes', () => {
    expect(currentErrors(errors, sent, { ...sent, new_passphrase: 'tulips in ran' })).toEqual({});
  });
  it('keeps an error of a field that was not touched', () => {
    const both = { ...errors, current_passphrase: 'This is not the passphrase in use now.' };
    expect(currentErrors(both, sent, { ...sent, confirm_passphrase: 'x' })).toEqual({
      current_passphrase: 'This is not the passphrase in use now.',
    });
  });
  it('shows every error before anything was sent', () => {
    expect(currentErrors(errors, null, sent)).toEqual(errors);
  });
});

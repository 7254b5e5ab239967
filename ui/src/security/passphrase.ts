// The passphrase form's field errors, once the fields are corrected: an error
// was the answer to the values sent, so it goes as soon as its field (or the
// field it was compared with) no longer holds what was sent.
import type { PassphraseInput } from '../lib/bindings';

type Field = 'current_passphrase' | 'new_passphrase' | 'confirm_passphrase';

/** The fields whose values an error of each field was about. */
const ABOUT: Record<Field, Field[]> = {
  current_passphrase: ['current_passphrase'],
  new_passphrase: ['new_passphrase', 'confirm_passphrase'],
  confirm_passphrase: ['new_passphrase', 'confirm_passphrase'],
};

/** The errors still true of `now`, given the values `sent` they answered. */
export function currentErrors(
  errors: Record<string, string>,
  sent: PassphraseInput | null,
  now: PassphraseInput,
): Record<string, string> {
  if (!sent) return errors;
  return Object.fromEntries(
    Object.entries(errors).filter(([field]) => {
      const about = ABOUT[field as Field] ?? [];
      return about.every((f) => now[f] === sent[f]);
    }),
  );
}

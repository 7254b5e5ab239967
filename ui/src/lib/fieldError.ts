// A field's error is about the value that was sent: once the manager changes
// the value, the message no longer describes what the field shows, so it goes
// (and comes back if they type the refused value again).

/** The error to show beside a field now showing `value`, when `error` was
 *  about `sent`. */
export function currentError(error: string | undefined | null, sent: string | null, value: string): string | undefined {
  if (!error) return undefined;
  return sent === null || value === sent ? error : undefined;
}

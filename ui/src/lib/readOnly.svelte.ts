// Whether the open department file refuses every change (it failed its
// integrity check and was opened read-only), and why, in the manager's words.
// Set by the shell from the app's status; the banner says the reason once,
// and every way into an edit is hidden (`[data-edit]`, see app.css) or refused here.
export const readOnly = $state<{ reason: string | null }>({ reason: null });

/** True when edits are allowed; otherwise false (the banner already says why). */
export function editable(): boolean {
  return readOnly.reason === null;
}

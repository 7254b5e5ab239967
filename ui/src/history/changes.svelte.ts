// A save that writes into the change history from outside the history panel
// (a backup by hand, a passphrase change, changes made outside Wardbook
// added to it) says so here, and every open history panel reloads.
export const historyChanges = $state({ count: 0 });

export function historyChanged(): void {
  historyChanges.count += 1;
}

// Whether the department file is locked (encrypted, waiting for its passphrase).
// Set by any command that answers `locked`, and by the idle timer; cleared by unlocking.

export const lock = $state({ locked: false });

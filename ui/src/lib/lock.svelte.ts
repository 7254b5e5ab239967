// Whether the department file is locked (encrypted, waiting for its passphrase).
// Set by any command that answers `locked`, and by the idle timer; cleared by unlocking.

// `section` is where the manager was, so unlocking returns there although the
// sections were unmounted while locked (no department data behind the lock).
export const lock = $state<{ locked: boolean; section: string | null }>({ locked: false, section: null });

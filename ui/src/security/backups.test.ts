import { describe, expect, it } from 'vitest';
import { fileSize, reasonText } from './backups';

describe('fileSize', () => {
  it('uses bytes, then KB, then MB at the boundaries', () => {
    expect(fileSize(1023)).toBe('1023 B');
    expect(fileSize(1024)).toBe('1.0 KB');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(1024 * 1024)).toBe('1.0 MB');
  });
});

describe('reasonText', () => {
  it('names the file a department was kept before', () => {
    expect(reasonText({ reason: 'before_import', imported_file: '4 West 2026-12-01.wardbook.json', encrypted: false, earlier_passphrase: false })).toBe(
      'Kept before import of 4 West 2026-12-01.wardbook.json',
    );
  });
  it('falls back to the reason alone', () => {
    expect(reasonText({ reason: 'before_import', imported_file: null, encrypted: false, earlier_passphrase: false })).toBe('Before a department-file import');
    expect(reasonText({ reason: 'manual', imported_file: null, encrypted: true, earlier_passphrase: false })).toBe('Made by hand');
  });
  it('labels a backup made at a passphrase change by what opens it now, not by the change', () => {
    const b = { reason: 'passphrase' as const, imported_file: null };
    expect(reasonText({ ...b, encrypted: true, earlier_passphrase: false }, true)).toBe(
      'Right after a passphrase change (opens with the current passphrase)',
    );
    // A later change left it under the passphrase before: said so, not "the new one".
    expect(reasonText({ ...b, encrypted: true, earlier_passphrase: true }, true)).toBe(
      'Right after a passphrase change (opens with an earlier passphrase, not the current one)',
    );
    // Made after a removal, then encrypted when a passphrase was set again.
    expect(reasonText({ ...b, encrypted: false, earlier_passphrase: false }, true)).toBe(
      'Right after a passphrase change (not encrypted)',
    );
    // The department not open (lock screen): which passphrase is not known.
    expect(reasonText({ ...b, encrypted: true, earlier_passphrase: false })).toBe(
      'Right after a passphrase change (encrypted)',
    );
    for (const encrypted of [true, false])
      for (const earlier_passphrase of [true, false])
        for (const open of [true, false])
          expect(reasonText({ ...b, encrypted, earlier_passphrase }, open)).not.toContain('the new one');
  });
});

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
    expect(reasonText({ reason: 'before_import', imported_file: '4 West 2026-12-01.wardbook.json', encrypted: false })).toBe(
      'Kept before import of 4 West 2026-12-01.wardbook.json',
    );
  });
  it('falls back to the reason alone', () => {
    expect(reasonText({ reason: 'before_import', imported_file: null, encrypted: false })).toBe('Before a department-file import');
    expect(reasonText({ reason: 'manual', imported_file: null, encrypted: true })).toBe('Made by hand');
  });
  it('tells a backup after a passphrase was set or changed from one after it was removed', () => {
    const set = reasonText({ reason: 'passphrase', imported_file: null, encrypted: true });
    const removed = reasonText({ reason: 'passphrase', imported_file: null, encrypted: false });
    expect(set).toBe('Right after the passphrase was set or changed (encrypted with the new one)');
    expect(removed).toBe('Right after the passphrase was removed (not encrypted)');
    expect(set).not.toBe(removed);
  });
});

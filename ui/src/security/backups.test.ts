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
    expect(reasonText({ reason: 'before_import', imported_file: '4 West 2026-12-01.wardbook.json' })).toBe(
      'Kept before import of 4 West 2026-12-01.wardbook.json',
    );
  });
  it('falls back to the reason alone', () => {
    expect(reasonText({ reason: 'before_import', imported_file: null })).toBe('Before a department-file import');
    expect(reasonText({ reason: 'manual', imported_file: null })).toBe('Made by hand');
  });
});

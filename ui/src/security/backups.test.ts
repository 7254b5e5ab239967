import { describe, expect, it } from 'vitest';
import { fileSize } from './backups';

describe('fileSize', () => {
  it('uses bytes, then KB, then MB at the boundaries', () => {
    expect(fileSize(1023)).toBe('1023 B');
    expect(fileSize(1024)).toBe('1.0 KB');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(1024 * 1024)).toBe('1.0 MB');
  });
});

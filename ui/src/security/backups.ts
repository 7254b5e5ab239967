// Words and numbers for the backup list.
import type { BackupReason } from '../lib/bindings';

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily (automatic)',
  manual: 'Made by hand',
  before_migration: 'Before an update',
  before_restore: 'Before a restore',
  passphrase: 'New passphrase',
  damaged: 'Damaged file, kept as found',
  before_import: 'Before a department-file import',
};

/** 1536 → "1.5 KB"; backups are small, so KB and MB are enough. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

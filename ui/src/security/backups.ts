// Words and numbers for the backup list.
import type { BackupFile, BackupReason } from '../lib/bindings';

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily (automatic)',
  manual: 'Made by hand',
  before_migration: 'Before an update',
  before_restore: 'Before a restore',
  passphrase: 'Right after a passphrase change',
  damaged: 'Damaged file, kept as found',
  before_import: 'Before a department-file import',
};

/** 1536 → "1.5 KB"; backups are small, so KB and MB are enough. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Why a backup was made; a department kept before an import names the file
 * imported, and one made right after a passphrase change says which change
 * (a backup after the passphrase was removed is the only one not encrypted).
 */
export function reasonText(b: Pick<BackupFile, 'reason' | 'imported_file' | 'encrypted'>): string {
  if (b.reason === 'before_import' && b.imported_file) return `Kept before import of ${b.imported_file}`;
  if (b.reason === 'passphrase') {
    return b.encrypted
      ? 'Right after the passphrase was set or changed (encrypted with the new one)'
      : 'Right after the passphrase was removed (not encrypted)';
  }
  return REASON_LABELS[b.reason];
}

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
 * imported. One made right after a passphrase change says what is true of it
 * now, not at the change (a later change re-encrypts it, setting a passphrase
 * encrypts a plain one): with the department open (`departmentOpen`, so
 * `earlier_passphrase` is known) which passphrase opens it, else only whether
 * it is encrypted.
 */
export function reasonText(
  b: Pick<BackupFile, 'reason' | 'imported_file' | 'encrypted' | 'earlier_passphrase'>,
  departmentOpen = false,
): string {
  if (b.reason === 'before_import' && b.imported_file) return `Kept before import of ${b.imported_file}`;
  if (b.reason === 'passphrase') {
    const now = !b.encrypted
      ? 'not encrypted'
      : !departmentOpen
        ? 'encrypted'
        : b.earlier_passphrase
          ? 'opens with an earlier passphrase, not the current one'
          : 'opens with the current passphrase';
    return `Right after a passphrase change (${now})`;
  }
  return REASON_LABELS[b.reason];
}

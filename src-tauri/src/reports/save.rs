//! Writing a finished report where the manager chose, with an error that
//! says what to do when the place cannot be written.

use crate::error::{AppError, AppResult, ErrorCode};
use std::io::{self, ErrorKind};
use std::path::Path;

/// Writes `bytes` to `path` (replacing a file already there, as the save
/// dialog has asked) and returns the path as the manager should read it.
pub fn write(path: &Path, bytes: &[u8]) -> AppResult<String> {
    std::fs::write(path, bytes).map_err(|e| refused(path, &e))?;
    Ok(path.display().to_string())
}

/// Why `path` could not be written, in words that say what to do.
fn refused(path: &Path, e: &io::Error) -> AppError {
    let folder = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => format!(
            "The folder {folder} cannot be written to (permission denied). Save the file in another folder, such as Documents."
        ),
        ErrorKind::NotFound => {
            format!("The folder {folder} does not exist (any more). Choose another folder.")
        }
        ErrorKind::NotADirectory => format!("{folder} is a file, not a folder. Choose a folder."),
        ErrorKind::StorageFull => {
            format!("The disk holding {folder} is full. Free some space or choose another place.")
        }
        _ => format!("The file {} could not be written ({e}).", path.display()),
    };
    AppError::new(ErrorCode::Storage, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_file_and_returns_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roster.csv");
        let shown = write(&path, b"a,b\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"a,b\n");
        assert!(shown.ends_with("roster.csv"));
    }

    #[test]
    fn a_missing_folder_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone").join("roster.pdf");
        let err = write(&path, b"%PDF").unwrap_err();
        assert_eq!(err.code, ErrorCode::Storage);
        assert!(err.message.contains("does not exist"), "{}", err.message);
        assert!(
            err.message.contains("gone"),
            "the folder is named: {}",
            err.message
        );
    }

    #[test]
    fn a_file_in_place_of_the_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "x").unwrap();
        let err = write(&file.join("roster.pdf"), b"%PDF").unwrap_err();
        assert!(err.message.contains("not a folder"), "{}", err.message);
    }

    #[test]
    fn permission_denied_says_to_choose_another_folder() {
        // Made up rather than provoked: the tests may run as root, who may
        // write anywhere.
        let e = io::Error::from(ErrorKind::PermissionDenied);
        let err = refused(Path::new("/srv/locked/roster.pdf"), &e);
        assert_eq!(
            err.message,
            "The folder /srv/locked cannot be written to (permission denied). Save the file in another folder, such as Documents."
        );
    }
}

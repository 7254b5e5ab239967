//! Reading CSV files that other systems exported (finance, HR): the bytes as
//! text, and every record with the file's own line number.
//!
//! What real exports contain: UTF-8 with or without a byte-order mark, LF or
//! CRLF line ends, fields quoted or not, with commas, quotes and line breaks
//! inside quotes (the `csv` crate reads those). Line numbers are counted
//! from 1, header included, so a manager can find the row in a spreadsheet.

/// The UTF-8 byte-order mark every CSV Wardbook writes starts with: without
/// one, Excel reads the file in the computer's code page and garbles
/// accented names (Lucía, Müller, Nguyễn). Reading skips it.
pub const BOM: &str = "\u{feff}";

use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use serde::Serialize;
use ts_rs::TS;

/// A CSV file the manager chose, read in Rust (the window has no file access).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CsvFile {
    pub name: String,
    pub text: String,
}

/// Larger than any monthly finance or HR export by far.
const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// File bytes as text: UTF-8 (a leading byte-order mark dropped), UTF-16
/// with its mark (Excel's "Unicode text"), else Windows-1252, which older
/// HR and finance systems and Excel's plain "CSV" write (`Núñez` as one
/// byte per letter). Windows-1252 gives every byte a character, so an
/// accent can come out wrong only in a file that was neither — which a
/// CSV export never is. A workbook or other binary file is refused.
pub fn decode(bytes: &[u8]) -> AppResult<String> {
    let refuse = |m: &str| Err(AppError::new(ErrorCode::Validation, m));
    // ZIP (.xlsx, .ods) and the old compound-document .xls.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return refuse(
            "This is an Excel workbook: save it as CSV (Comma delimited) and choose that file.",
        );
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        return Ok(text.into_owned());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    };
    if text.contains('\0') {
        return refuse("This is not a text file; export the data as CSV and choose that file.");
    }
    Ok(text)
}

/// A record's fields (trimmed), or why the reader could not read it.
pub type Record = Result<Vec<String>, String>;

/// Every non-blank record with its line number; a record the reader cannot
/// read comes back as its error (and reading stops there unless the fault
/// was only bad UTF-8 inside one record).
pub fn records(text: &str) -> Vec<(i64, Record)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // The reader's own line count skips blank lines and counts CRLF files
    // short, so lines are counted here from each record's byte offset.
    let mut lines = LineCounter::new(text);
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let start = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.at(record.position().map_or(start, |p| p.byte()));
                let fields: Vec<String> = record.iter().map(|f| f.trim().to_string()).collect();
                if fields.iter().all(String::is_empty) {
                    continue;
                }
                out.push((line, Ok(fields)));
            }
            Err(e) => {
                let line = lines.at(e.position().map_or(start, |p| p.byte()));
                out.push((line, Err(format!("The row cannot be read ({e})."))));
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    out
}

/// The file's field separator: `,`, `;` (European and SAP exports, where
/// the comma is the decimal mark) or a tab. The one the first line holds
/// most often (outside quotes) that every next line of the first few holds
/// at least as often; a comma when none does.
fn delimiter(text: &str) -> u8 {
    let count = |line: &str, d: char| {
        let mut quoted = false;
        line.chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                !quoted && c == d
            })
            .count()
    };
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(6)
        .collect();
    let Some((first, rest)) = lines.split_first() else {
        return b',';
    };
    [',', ';', '\t']
        .into_iter()
        .map(|d| (d, count(first, d)))
        .filter(|&(d, n)| n > 0 && rest.iter().all(|l| count(l, d) >= n))
        .max_by_key(|&(d, n)| (n, d == ','))
        .map_or(b',', |(d, _)| d as u8)
}

/// Line numbers (from 1) of byte offsets, asked for in increasing order.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: i64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first character at or after `byte` that is not a
    /// line end (the reader may place a record at the `\n` of a CRLF).
    fn at(&mut self, byte: u64) -> i64 {
        let mut byte = (byte as usize).min(self.bytes.len());
        while byte < self.bytes.len() && matches!(self.bytes[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte > self.offset {
            // A line ends at LF, CRLF, or a lone CR (old Mac exports).
            let bytes = self.bytes;
            let newlines = (self.offset..byte)
                .filter(|&i| {
                    bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
                })
                .count();
            self.line += newlines as i64;
            self.offset = byte;
        }
        self.line
    }
}

/// Reads a chosen file; `too_large` says what to do about a file over 20 MB.
pub fn read(path: &std::path::Path, too_large: &str) -> AppResult<CsvFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let storage = |e: std::io::Error| {
        use std::io::ErrorKind::*;
        let message = match e.kind() {
            NotFound => format!("“{name}” is no longer there (moved, renamed or deleted?); choose the file again."),
            PermissionDenied => format!("Wardbook may not open “{name}”; copy it to your Documents folder and choose the copy."),
            IsADirectory => format!("“{name}” is a folder; choose a CSV file."),
            _ => format!("“{name}” cannot be read: {}.", e.kind()),
        };
        AppError::new(ErrorCode::Storage, message)
    };
    if std::fs::metadata(path).map_err(storage)?.len() > MAX_FILE_BYTES {
        return Err(AppError::new(
            ErrorCode::Validation,
            format!("The file is larger than 20 MB; {too_large}"),
        ));
    }
    let bytes = std::fs::read(path).map_err(storage)?;
    Ok(CsvFile {
        text: decode(&bytes)?,
        name,
    })
}

/// The refusal of an all-or-nothing import: every bad row as a field error
/// (`line 7` → its reason), and a message naming how many and the first.
/// `bad` holds (line number, reason) and must not be empty.
pub fn refusal<'a>(bad: impl IntoIterator<Item = (i64, &'a str)>) -> AppError {
    let fields: Vec<FieldError> = bad
        .into_iter()
        .map(|(line, reason)| FieldError {
            field: format!("line {line}"),
            message: reason.to_string(),
        })
        .collect();
    let count = fields.len();
    let first = fields.first().map_or_else(String::new, |f| {
        // The reason is a sentence of its own; its full stop would sit
        // before the bracket.
        format!(" (first, {}: {})", f.field, f.message.trim_end_matches('.'))
    });
    AppError {
        code: ErrorCode::Validation,
        message: format!(
            "{count} row{} of the file cannot be imported{first}. Nothing was imported.",
            if count == 1 { "" } else { "s" },
        ),
        field: None,
        fields,
        cells: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(i64, Vec<String>)> {
        records(text)
            .into_iter()
            .map(|(line, r)| (line, r.expect("readable")))
            .collect()
    }

    #[test]
    fn semicolon_and_tab_files_are_split_at_their_own_separator() {
        // SAP / European: `;` between fields, the comma a decimal mark.
        let sap = "Kostenstelle;Konto;Periode;Betrag\r\n4410;6010;31.01.2027;210.500,00\r\n";
        assert_eq!(
            fields(sap)[1].1,
            ["4410", "6010", "31.01.2027", "210.500,00"]
        );
        let tab = "Account\tPeriod\tAmount\n6010\t2026-07\t1,000.00\n";
        assert_eq!(fields(tab)[1].1, ["6010", "2026-07", "1,000.00"]);
        // A comma file whose quoted descriptions hold semicolons stays a comma file.
        let comma = "Account,Description,Amount\n6010,\"RN; regular; days\",\"1,000.00\"\n";
        assert_eq!(
            fields(comma)[1].1,
            ["6010", "RN; regular; days", "1,000.00"]
        );
        // One column and no separator at all: a comma file of one field.
        assert_eq!(fields("Account\n6010\n")[1].1, ["6010"]);
    }

    #[test]
    fn bom_crlf_quotes_and_blank_lines() {
        let text =
            decode(b"\xEF\xBB\xBFa,b\r\n\r\n\"O'Brien, Se\xC3\xA1n\",\"say \"\"hi\"\"\"\r\n")
                .unwrap();
        assert_eq!(
            fields(&text),
            vec![
                (1, vec!["a".to_string(), "b".to_string()]),
                (
                    3,
                    vec!["O'Brien, Seán".to_string(), "say \"hi\"".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn a_quoted_line_break_keeps_later_line_numbers_true() {
        let got = fields("a,b\n\"two\nlines\",x\nc,d\n");
        assert_eq!(got[1].1[0], "two\nlines");
        assert_eq!(
            got[2].0, 4,
            "the row after a two-line record starts on line 4"
        );
    }

    #[test]
    fn line_numbers_count_crlf_and_blank_lines() {
        for text in ["h\r\na\r\n\r\nb\r\n", "h\na\n\nb\n", "h\ra\r\n\nb"] {
            let lines: Vec<i64> = records(text).iter().map(|r| r.0).collect();
            assert_eq!(lines[..2], [1, 2], "{text:?}");
            assert_eq!(lines.last(), Some(&4), "{text:?}");
        }
    }

    #[test]
    fn windows_1252_and_utf16_files_are_read() {
        // "Núñez,€5" as Excel's plain CSV writes it on Windows.
        assert_eq!(decode(b"N\xFA\xF1ez,\x805\r\n").unwrap(), "Núñez,€5\r\n");
        assert_eq!(decode("Núñez".as_bytes()).unwrap(), "Núñez");
        assert_eq!(decode(b"\xFF\xFEa\x00,\x00b\x00").unwrap(), "a,b");
    }

    #[test]
    fn a_workbook_or_binary_file_is_refused_with_what_to_do() {
        let err = decode(b"PK\x03\x04\x14\x00\x06\x00").unwrap_err();
        assert_eq!(
            err.message,
            "This is an Excel workbook: save it as CSV (Comma delimited) and choose that file."
        );
        assert!(decode(b"\xD0\xCF\x11\xE0\xA1\xB1").is_err());
        assert!(decode(b"a,b\x00\x00")
            .unwrap_err()
            .message
            .contains("not a text file"));
    }

    #[test]
    fn a_missing_file_is_named_without_the_os_error() {
        let err = read(std::path::Path::new("/nonexistent/staff.csv"), "").unwrap_err();
        assert_eq!(
            err.message,
            "“staff.csv” is no longer there (moved, renamed or deleted?); choose the file again."
        );
    }
}

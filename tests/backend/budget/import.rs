//! The finance CSV import: every accepted and refused form, the preview,
//! and all or nothing.

use super::{count, unit};
use wardbook::budget::csv_import::{self, ImportMapping};
use wardbook::budget::figures;
use wardbook::error::ErrorCode;

const MAPPING: ImportMapping = ImportMapping {
    has_header: true,
    account_column: 0,
    period_column: 1,
    amount_column: 2,
    cost_centre_column: None,
};

fn actual(conn: &rusqlite::Connection, fy: i64, line: usize, month: usize) -> Option<i64> {
    figures::load(conn, fy).unwrap().lines[line].months[month].typed_actual_cents
}

#[test]
fn every_accepted_amount_and_period_form_imports() {
    let u = unit();
    // One row per form; lines by GL account (any case) or by name.
    let text = "Account,Period,Amount\n\
        6020,2026-07,\"1,234.56\"\n\
        6020,08/2026,\"(1,234.56)\"\n\
        6020,Sep 2026,-1234.56\n\
        6020,October 2026,\"$1,234.56\"\n\
        overtime,11/2026,\"-$1,234.56\"\n\
        OVERTIME,2026-12-31,($1.00)\n\
        Supplies,jan-2027,0.05\n";
    let preview = csv_import::preview(&u.conn, u.fy, text, &MAPPING).unwrap();
    assert_eq!(preview.bad_rows, 0, "{:?}", preview.rows);
    assert_eq!(preview.good_rows, 7);
    assert_eq!(preview.rows[0].line_number, 2, "the header is line 1");
    let mut conn = u.conn;
    let outcome = csv_import::import(&mut conn, u.fy, text, &MAPPING).unwrap();
    assert_eq!(outcome.rows_imported, 7);
    for (month, cents) in [
        (0, 123_456),
        (1, -123_456),
        (2, -123_456),
        (3, 123_456),
        (4, -123_456),
        (5, -100),
    ] {
        assert_eq!(
            actual(&conn, u.fy, 0, month),
            Some(cents),
            "overtime month {month}"
        );
    }
    assert_eq!(
        actual(&conn, u.fy, 1, 6),
        Some(5),
        "supplies in January by name"
    );
}

#[test]
fn bom_crlf_and_quoted_fields_are_read() {
    let mut u = unit();
    let bytes = b"\xEF\xBB\xBF\"GL Account\",\"Fiscal Period\",\"Actual Amount\"\r\n\"6020\",\"Jul 2026\",\"1,000.00\"\r\n\"7010\",\"Jul 2026\",\"12.50\"\r\n";
    let text = csv_import::decode(bytes).unwrap();
    let columns = csv_import::columns(&text).unwrap();
    assert_eq!(
        columns.headers[0], "GL Account",
        "the BOM is not part of the first header"
    );
    assert_eq!(columns.guess, MAPPING, "the header words give the mapping");
    csv_import::import(&mut u.conn, u.fy, &text, &columns.guess).unwrap();
    assert_eq!(actual(&u.conn, u.fy, 0, 0), Some(100_000));
    assert_eq!(actual(&u.conn, u.fy, 1, 0), Some(1_250));
    // Excel's plain "CSV" on Windows is Windows-1252: read, not refused (hr2 item 7).
    assert_eq!(
        csv_import::decode(b"6020,Jul 2026,\xE9\n").unwrap(),
        "6020,Jul 2026,é\n"
    );
    assert!(
        csv_import::decode(b"PK\x03\x04\x14\x00")
            .unwrap_err()
            .message
            .contains("Excel workbook"),
        "a workbook is refused with what to do"
    );
}

#[test]
fn rows_for_the_same_month_add_up_and_reimporting_gives_the_same_actuals() {
    let mut u = unit();
    let text = "account,period,amount\n6020,2026-07,100.00\n6020,2026-07,50.00\n";
    csv_import::import(&mut u.conn, u.fy, text, &MAPPING).unwrap();
    csv_import::import(&mut u.conn, u.fy, text, &MAPPING).unwrap();
    assert_eq!(
        actual(&u.conn, u.fy, 0, 0),
        Some(15_000),
        "the import replaces, it does not add"
    );
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_nothing_is_imported() {
    let mut u = unit();
    let text = "account,period,amount\n\
        6020,2026-07,100.00\n\
        9999,2026-07,1.00\n\
        6020,2025-07,1.00\n\
        6020,13/2026,1.00\n\
        6020,07/26,1.00\n\
        6020,2026-08,1.234\n\
        6020,2026-08,\"1,23.00\"\n\
        6020,2026-08,(5\n\
        6020,2026-08\n\
        ,2026-08,1.00\n\
        6020,2026-08,abc\n";
    let preview = csv_import::preview(&u.conn, u.fy, text, &MAPPING).unwrap();
    let reasons: Vec<(i64, String)> = preview
        .rows
        .iter()
        .filter_map(|r| r.error.clone().map(|e| (r.line_number, e)))
        .collect();
    let expect = [
        (
            3,
            "No budget line of FY2027 has the GL account or name “9999”",
        ),
        (4, "Jul 2025 is outside FY2027"),
        (5, "no month 13"),
        (6, "write the year in full"),
        (7, "more than two decimals"),
        (8, "thousands separators"),
        (9, "does not close"),
        (10, "no column 3 for the amount"),
        (11, "The account is empty"),
        (12, "not a number"),
    ];
    assert_eq!(reasons.len(), expect.len(), "{reasons:?}");
    for ((line, reason), (want_line, want)) in reasons.iter().zip(expect) {
        assert_eq!(*line, want_line);
        assert!(reason.contains(want), "line {line}: {reason}");
    }
    let err = csv_import::import(&mut u.conn, u.fy, text, &MAPPING).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.fields.len(), 10, "every bad row is named");
    assert!(
        err.message
            .starts_with("10 rows of the file cannot be imported (first, line 3: ")
            && err
                .message
                .ends_with("under Accounts to map). Nothing was imported."),
        "one full stop, after the bracket: {}",
        err.message
    );
    assert!(err.message_for("line 3").is_some());
    assert_eq!(
        actual(&u.conn, u.fy, 0, 0),
        None,
        "the good row was not imported either"
    );

    // Fixed, the file imports.
    let fixed = "account,period,amount\n6020,2026-07,100.00\n";
    csv_import::import(&mut u.conn, u.fy, fixed, &MAPPING).unwrap();
    assert_eq!(actual(&u.conn, u.fy, 0, 0), Some(10_000));
    let _ = count;
}

#[test]
fn a_mapping_must_pick_three_different_columns() {
    let u = unit();
    let same = ImportMapping {
        period_column: 0,
        ..MAPPING
    };
    let err = csv_import::preview(&u.conn, u.fy, "a,b,c\n", &same).unwrap_err();
    assert!(err.message_for("mapping").is_some());
    assert!(
        csv_import::columns("").is_err(),
        "an empty file has no columns"
    );
}

/// An SAP export as European finance writes it: `;` between fields, a
/// decimal comma with dots for thousands, and day-first dotted dates.
#[test]
fn a_semicolon_file_with_decimal_commas_and_dotted_dates_imports() {
    let mut u = unit();
    let text = "\u{feff}Sachkonto;Buchungsdatum;Betrag;Text\r\n\
        6020;31.07.2026;210.500,00;Überstunden, Juli\r\n\
        6020;15.08.2026;-1.234,56;Korrektur\r\n";
    let cols = csv_import::columns(text).unwrap();
    assert_eq!(cols.headers.len(), 4, "split at the semicolons");
    let p = csv_import::preview(&u.conn, u.fy, text, &MAPPING).unwrap();
    assert_eq!(p.bad_rows, 0, "{:?}", p.rows);
    assert_eq!(p.file_total_cents, 21_050_000 - 123_456);
    csv_import::import(&mut u.conn, u.fy, text, &MAPPING).unwrap();
    assert_eq!(actual(&u.conn, u.fy, 0, 0), Some(21_050_000));
    assert_eq!(actual(&u.conn, u.fy, 0, 1), Some(-123_456));
}

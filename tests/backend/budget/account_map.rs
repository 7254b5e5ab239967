//! The GL import with finance's own chart of accounts and a file holding
//! several departments: the account map built from the file's unknown
//! accounts, remembered, per year; other cost centres skipped and counted.

use super::{count, unit};
use wardbook::budget::account_map::{self, AccountMapInput};
use wardbook::budget::csv_import::{self, ImportMapping};
use wardbook::budget::{figures, lines, years, FiscalYearInput};
use wardbook::error::ErrorCode;

/// A GL detail export as a ledger writes it: BOM, CRLF, every field quoted,
/// the cost centre first, finance's account codes, a description, a budget
/// column before the actual, a journal source after; two accounts for
/// overtime, one for supplies, three period forms, a credit in brackets, a
/// decimal comma, and another department's (4420) rows with accounts this
/// department has never heard of.
const EXPORT: &[u8] = b"\xEF\xBB\xBF\"Cost Center\",\"GL Account\",\"Account Description\",\"Fiscal Period\",\"Budget\",\"Actual\",\"Source\"\r\n\
\"4410\",\"6020-4410-100\",\"Overtime, RN\",\"2026-07\",\"1,000.00\",\"1,234.56\",\"PAYROLL\"\r\n\
\"4410\",\"6020-4410-110\",\"Overtime, CNA\",\"Jul-26\",\"0.00\",\"200.00\",\"PAYROLL\"\r\n\
\"4420\",\"6020-4420-100\",\"Overtime, ED\",\"2026-07\",\"900.00\",\"9,999.99\",\"PAYROLL\"\r\n\
\"4410\",\"40.7010.0000\",\"Med/Surg supplies\",\"07/2026\",\"8.00\",\"$1 234,56\",\"AP\"\r\n\
\"4410\",\"40.7010.0000\",\"Med/Surg supplies, credit\",\"07/2026\",\"0.00\",\"(34.56)\",\"AP\"\r\n\
\"4420\",\"9999-4420-000\",\"ED misc\",\"Jul 2026\",\"0.00\",\"not read\",\"AP\"\r\n\
\"4410\",\"6020\",\"Overtime, by the budget's code\",\"2026-08\",\"0.00\",\"10.00\",\"JE\"\r\n";

fn export() -> (String, ImportMapping) {
    let text = csv_import::decode(EXPORT).unwrap();
    let guess = csv_import::columns(&text).unwrap().guess;
    (text, guess)
}

fn actual(conn: &rusqlite::Connection, fy: i64, line: usize, month: usize) -> Option<i64> {
    figures::load(conn, fy).unwrap().lines[line].months[month].typed_actual_cents
}

fn map(conn: &rusqlite::Connection, fy: i64, account: &str, line: i64) {
    account_map::save(
        conn,
        fy,
        &AccountMapInput {
            account: account.into(),
            line_id: Some(line),
        },
    )
    .unwrap();
}

#[test]
fn the_guess_reads_the_ledgers_columns() {
    let (_, guess) = export();
    assert_eq!(
        guess,
        ImportMapping {
            has_header: true,
            cost_centre_column: Some(0),
            account_column: 1,
            period_column: 3,
            amount_column: 5,
        },
        "cost centre, account (not its description), period, actual (not the budget)"
    );
}

#[test]
fn nothing_imports_until_the_departments_cost_centre_is_chosen() {
    let mut u = unit();
    let (text, m) = export();
    let p = csv_import::preview(&u.conn, u.fy, &text, &m).unwrap();
    assert!(p.cost_centre_needed);
    let centres: Vec<(&str, i64, bool)> = p
        .cost_centres
        .iter()
        .map(|c| (c.code.as_str(), c.rows, c.ours))
        .collect();
    assert_eq!(centres, [("4410", 5, false), ("4420", 2, false)]);
    let err = csv_import::import(&mut u.conn, u.fy, &text, &m).unwrap_err();
    assert!(err.message_for("cost_centres").is_some(), "{err:?}");
    assert_eq!(actual(&u.conn, u.fy, 0, 0), None, "nothing written");
}

#[test]
fn unknown_accounts_are_mapped_in_the_preview_then_the_file_imports() {
    let mut u = unit();
    let (text, m) = export();
    account_map::set_cost_centre(&u.conn, " 4410 ", true).unwrap();

    // The other department's rows are skipped and counted, never refused,
    // even with an amount that is not one ("not read").
    let p = csv_import::preview(&u.conn, u.fy, &text, &m).unwrap();
    assert!(!p.cost_centre_needed);
    assert_eq!(p.skipped_rows, 2);
    assert!(p
        .rows
        .iter()
        .filter(|r| r.cost_centre == "4420")
        .all(|r| r.skipped && r.error.is_none()));
    // Finance's accounts are unknown; the line's own code (6020) is not.
    assert_eq!(p.bad_rows, 4, "{:?}", p.rows);
    assert_eq!(p.good_rows, 1);
    let unknown: Vec<(&str, i64, i64, Option<i64>)> = p
        .unknown_accounts
        .iter()
        .map(|a| {
            (
                a.account.as_str(),
                a.rows,
                a.amount_cents,
                a.suggested_line_id,
            )
        })
        .collect();
    assert_eq!(
        unknown,
        [
            ("6020-4410-100", 1, 123_456, Some(u.overtime)),
            ("6020-4410-110", 1, 20_000, Some(u.overtime)),
            // $1 234,56 − $34.56 = $1,200.00; "7010" is a part of the code.
            ("40.7010.0000", 2, 120_000, Some(u.supplies)),
        ],
        "each unknown account once, with its rows, its amount and a suggestion"
    );
    let err = csv_import::import(&mut u.conn, u.fy, &text, &m).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.message
            .starts_with("4 rows of the file cannot be imported"),
        "{}",
        err.message
    );
    assert_eq!(actual(&u.conn, u.fy, 0, 1), None, "the good row waited too");

    // Many accounts to one line.
    map(&u.conn, u.fy, "6020-4410-100", u.overtime);
    map(&u.conn, u.fy, "6020-4410-110 ", u.overtime);
    map(&u.conn, u.fy, "40.7010.0000", u.supplies);
    let p = csv_import::preview(&u.conn, u.fy, &text, &m).unwrap();
    assert_eq!((p.good_rows, p.bad_rows, p.skipped_rows), (5, 0, 2));
    assert!(p.unknown_accounts.is_empty());
    let outcome = csv_import::import(&mut u.conn, u.fy, &text, &m).unwrap();
    assert_eq!((outcome.rows_imported, outcome.rows_skipped), (5, 2));
    // Overtime July: $1,234.56 + $200.00; August $10.00 by the budget's code.
    assert_eq!(actual(&u.conn, u.fy, 0, 0), Some(143_456));
    assert_eq!(actual(&u.conn, u.fy, 0, 1), Some(1_000));
    assert_eq!(
        actual(&u.conn, u.fy, 1, 0),
        Some(120_000),
        "supplies, net of the credit"
    );

    // Remembered: next month's file imports with no step at all.
    let next = "\"Cost Center\",\"GL Account\",\"Fiscal Period\",\"Actual\"\r\n\
        \"4410\",\"6020-4410-100\",\"Sep-26\",\"1,000.00-\"\r\n\
        \"4420\",\"6020-4420-100\",\"Sep-26\",\"5.00\"\r\n";
    let m2 = csv_import::columns(next).unwrap().guess;
    csv_import::import(&mut u.conn, u.fy, next, &m2).unwrap();
    assert_eq!(
        actual(&u.conn, u.fy, 0, 2),
        Some(-100_000),
        "a trailing minus is a credit"
    );
}

#[test]
fn a_row_of_a_cost_centre_left_empty_is_refused_not_skipped() {
    let u = unit();
    account_map::set_cost_centre(&u.conn, "4410", true).unwrap();
    let text = "cost center,account,period,amount\n,6020,2026-07,1.00\n4410,6020,2026-07,2.00\n";
    let m = csv_import::columns(text).unwrap().guess;
    let p = csv_import::preview(&u.conn, u.fy, text, &m).unwrap();
    assert_eq!(
        p.rows[0].error.as_deref(),
        Some("The cost centre is empty.")
    );
    assert_eq!((p.good_rows, p.bad_rows, p.skipped_rows), (1, 1, 0));
}

#[test]
fn the_map_is_checked_belongs_to_its_year_and_follows_a_copy() {
    let mut u = unit();
    map(&u.conn, u.fy, "6020-4410-100", u.overtime);
    map(&u.conn, u.fy, "6020-4410-110", u.overtime);
    // Moving an account to another line replaces it, in any case.
    map(&u.conn, u.fy, "6020-4410-110", u.supplies);
    let saved = account_map::load(&u.conn, u.fy).unwrap();
    assert_eq!(saved.accounts.len(), 2, "an account goes to one line");
    assert_eq!(saved.accounts[1].line_id, u.supplies);

    let fy = u.fy;
    let refused = |conn: &rusqlite::Connection, input: AccountMapInput| {
        account_map::save(conn, fy, &input).unwrap_err()
    };
    let err = refused(
        &u.conn,
        AccountMapInput {
            account: "  ".into(),
            line_id: None,
        },
    );
    assert!(err.message_for("account").is_some());
    assert!(err.message_for("line_id").is_some());
    let other_year = years::create(
        &mut u.conn,
        &FiscalYearInput {
            first_year: "2027".into(),
            copy_from: Some(u.fy),
            adjustment_percent: String::new(),
        },
    )
    .unwrap();
    let copied = account_map::load(&u.conn, other_year.id).unwrap();
    let new_lines = lines::list(&u.conn, other_year.id).unwrap();
    assert_eq!(copied.accounts.len(), 2, "the copy takes the map along");
    assert!(
        copied
            .accounts
            .iter()
            .all(|a| new_lines.iter().any(|l| l.id == a.line_id)),
        "to the copied lines"
    );
    let err = refused(
        &u.conn,
        AccountMapInput {
            account: "1".into(),
            line_id: Some(new_lines[0].id),
        },
    );
    assert!(
        err.message_for("line_id")
            .unwrap()
            .contains("not in this fiscal year"),
        "a line of another year"
    );

    // Removing a line forgets the accounts that went to it.
    lines::delete(&u.conn, u.supplies).unwrap();
    assert_eq!(account_map::load(&u.conn, u.fy).unwrap().accounts.len(), 1);
    account_map::remove(&u.conn, u.fy, "6020-4410-100").unwrap();
    assert_eq!(
        count(&u.conn, "budget_account_map"),
        2,
        "the copied year's map stays"
    );
    assert!(account_map::remove(&u.conn, u.fy, "6020-4410-100").is_err());

    // Cost centres: added once in any case, removed.
    account_map::set_cost_centre(&u.conn, "cc-4410", true).unwrap();
    let codes = account_map::set_cost_centre(&u.conn, "CC-4410", true).unwrap();
    assert_eq!(codes, ["cc-4410"]);
    assert!(account_map::set_cost_centre(&u.conn, "CC-4410", false)
        .unwrap()
        .is_empty());
    assert!(account_map::set_cost_centre(&u.conn, " ", true).is_err());
}

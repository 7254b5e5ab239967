//! A corrected GL file replaces the months it covers (an account finance
//! left out drops to 0, listed current → new), and a suggestion is only
//! pre-selected for rows that are clearly this department's.

use super::unit;
use wardbook::budget::account_map;
use wardbook::budget::csv_import::{self, ImportMapping};
use wardbook::budget::figures;

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

/// December's first file, then finance's corrected one without the supplies
/// account (zero balance, so the ledger leaves it out) and November, which
/// the file does not cover, left alone.
#[test]
fn a_corrected_file_drops_a_line_it_leaves_out_to_zero_in_the_months_it_covers() {
    let mut u = unit();
    let first = "Account,Period,Amount\r\n\
        6020,2026-11,100.00\r\n\
        7010,2026-11,40.00\r\n\
        6020,2026-12,\"1,000.00\"\r\n\
        7010,2026-12,\"5,075.00\"\r\n";
    csv_import::import(&mut u.conn, u.fy, first, &MAPPING).unwrap();
    assert_eq!(actual(&u.conn, u.fy, 1, 5), Some(507_500));

    let corrected = "Account,Period,Amount\r\n6020,2026-12,\"1,200.00\"\r\n";
    let p = csv_import::preview(&u.conn, u.fy, corrected, &MAPPING).unwrap();
    let changes: Vec<(i64, i64, Option<i64>, i64, bool)> = p
        .changes
        .iter()
        .map(|c| {
            (
                c.line_id,
                c.month,
                c.current_cents,
                c.new_cents,
                c.not_in_file,
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            (u.overtime, 5, Some(100_000), 120_000, false),
            (u.supplies, 5, Some(507_500), 0, true),
        ],
        "December only, supplies listed as not in this file"
    );
    assert_eq!(p.file_total_cents, 120_000, "finance's report total");
    assert_eq!(p.written_total_cents, 120_000);
    assert_eq!(p.covered_months, 1);
    assert!(!p.no_change);

    let outcome = csv_import::import(&mut u.conn, u.fy, corrected, &MAPPING).unwrap();
    assert_eq!(outcome.months_updated, 2);
    assert_eq!(actual(&u.conn, u.fy, 0, 5), Some(120_000));
    assert_eq!(
        actual(&u.conn, u.fy, 1, 5),
        Some(0),
        "the old $5,075 is gone"
    );
    assert_eq!(
        actual(&u.conn, u.fy, 1, 4),
        Some(4_000),
        "November untouched"
    );
    assert_eq!(actual(&u.conn, u.fy, 0, 4), Some(10_000));
    assert_eq!(actual(&u.conn, u.fy, 1, 6), None, "no actual made up");

    // The same file again: nothing to change, and the preview says so.
    let again = csv_import::preview(&u.conn, u.fy, corrected, &MAPPING).unwrap();
    assert!(again.no_change);
    assert!(again.changes.is_empty());
    assert_eq!(again.written_total_cents, 120_000);
}

#[test]
fn a_refused_corrected_file_drops_nothing() {
    let mut u = unit();
    let first = "Account,Period,Amount\n7010,2026-12,50.00\n";
    csv_import::import(&mut u.conn, u.fy, first, &MAPPING).unwrap();
    let bad = "Account,Period,Amount\n6020,2026-12,12.00\n6020,2026-12,twelve\n";
    assert!(csv_import::import(&mut u.conn, u.fy, bad, &MAPPING).is_err());
    assert_eq!(actual(&u.conn, u.fy, 1, 5), Some(5_000), "all or nothing");
    assert_eq!(actual(&u.conn, u.fy, 0, 5), None);
}

/// A file with no cost centre column, or one whose only cost centre is a
/// business unit on every row, may hold any department's rows: its
/// suggestions are offered, not pre-selected.
#[test]
fn a_suggestion_is_sure_only_when_the_rows_are_clearly_this_departments() {
    let u = unit();
    let no_column = "Account,Period,Amount\n6020-4E-100,2026-07,\"401,000.00\"\n";
    let p = csv_import::preview(&u.conn, u.fy, no_column, &MAPPING).unwrap();
    assert_eq!(p.unknown_accounts[0].suggested_line_id, Some(u.overtime));
    assert!(
        !p.unknown_accounts[0].suggestion_sure,
        "no cost centre column"
    );

    let one_unit = "BU,Account,Period,Amount\n\
        HOSP1,6020-4E-100,2026-07,\"401,000.00\"\n\
        HOSP1,6020-4W-100,2026-07,\"12,000.00\"\n";
    let m = ImportMapping {
        has_header: true,
        cost_centre_column: Some(0),
        account_column: 1,
        period_column: 2,
        amount_column: 3,
    };
    account_map::set_cost_centre(&u.conn, "HOSP1", true).unwrap();
    let p = csv_import::preview(&u.conn, u.fy, one_unit, &m).unwrap();
    assert!(
        p.unknown_accounts.iter().all(|a| !a.suggestion_sure),
        "every cost centre of the file is ticked: not clearly ours"
    );

    let split = "CC,Account,Period,Amount\n\
        4410,6020-4410-100,2026-07,\"12,000.00\"\n\
        4E,6020-4E-100,2026-07,\"401,000.00\"\n";
    account_map::set_cost_centre(&u.conn, "4410", true).unwrap();
    let p = csv_import::preview(&u.conn, u.fy, split, &m).unwrap();
    let unknown: Vec<(&str, bool)> = p
        .unknown_accounts
        .iter()
        .map(|a| (a.account.as_str(), a.suggestion_sure))
        .collect();
    assert_eq!(unknown, [("6020-4410-100", true)], "4 East's row skipped");
}

/// Finance exported the same line twice ($212,000 × 2): both still add up,
/// as a ledger may post an amount twice, but the second is flagged.
#[test]
fn an_exact_duplicate_row_is_flagged_and_a_near_one_is_not() {
    let u = unit();
    let text = "Account,Period,Amount,Description\r\n\
        6020,2026-07,\"212,000.00\",Payroll Jul\r\n\
        6020,2026-07,\"212,000.00\",Payroll Jul\r\n\
        6020,2026-07,\"212,000.00\",Payroll Jul adj\r\n";
    let p = csv_import::preview(&u.conn, u.fy, text, &MAPPING).unwrap();
    let dupes: Vec<(i64, Option<i64>)> = p
        .rows
        .iter()
        .map(|r| (r.line_number, r.duplicate_of))
        .collect();
    assert_eq!(dupes, [(2, None), (3, Some(2)), (4, None)]);
    assert_eq!(p.duplicate_rows, 1);
    assert_eq!(p.file_total_cents, 63_600_000, "still summed");
}

/// A Workday report: title lines above the header, a Total row at the end
/// and an unlabelled grand total; skipped and counted, not refused.
#[test]
fn a_reports_title_lines_and_total_rows_are_skipped_and_counted() {
    let mut u = unit();
    let text = "Workday Financials - Cost Center Actuals,,\r\n\
        Report run: 2026-12-07,,\r\n\
        Account,Period,Amount\r\n\
        6020,2026-07,\"1,000.00\"\r\n\
        7010,2026-07,250.00\r\n\
        Total Cost Center 4410,,\"1,250.00\"\r\n\
        ,,\"1,250.00\"\r\n";
    let m = csv_import::columns(text).unwrap().guess;
    assert_eq!(
        (m.account_column, m.period_column, m.amount_column),
        (0, 1, 2)
    );
    let p = csv_import::preview(&u.conn, u.fy, text, &m).unwrap();
    assert_eq!(p.bad_rows, 0, "{:?}", p.rows);
    assert_eq!((p.title_lines, p.total_rows, p.good_rows), (2, 2, 2));
    assert_eq!(p.rows[0].line_number, 4, "the file's own line numbers");
    assert_eq!(p.file_total_cents, 125_000, "the totals not added again");
    csv_import::import(&mut u.conn, u.fy, text, &m).unwrap();
    assert_eq!(actual(&u.conn, u.fy, 0, 0), Some(100_000));

    // An empty-account row whose amount is not the sum above is refused.
    let odd = "Account,Period,Amount\n6020,2026-07,1.00\n,2026-07,5.00\n";
    let p = csv_import::preview(&u.conn, u.fy, odd, &MAPPING).unwrap();
    assert_eq!((p.total_rows, p.bad_rows), (0, 1));
}

/// The purchases a manager logged are in finance's figure once it comes, so
/// the import's "after" total is what every screen then shows: a line in the
/// file takes finance's figure (not figure + log), a line the file leaves
/// alone keeps its log.
#[test]
fn the_total_after_the_import_counts_logged_expenses_once_as_the_screens_do() {
    use wardbook::budget::expenses::{self, ExpenseInput};
    let mut u = unit();
    for (line, amount) in [(u.overtime, "120.00"), (u.supplies, "30.00")] {
        expenses::save(
            &u.conn,
            None,
            &ExpenseInput {
                date: "2026-12-04".into(),
                vendor: "Vendor".into(),
                description: String::new(),
                line_id: Some(line),
                amount: amount.into(),
            },
        )
        .unwrap();
    }
    // Finance's December holds the overtime line's $120 and more; the
    // supplies line has no row of its own.
    let file = "Account,Period,Amount\r\n6020,2026-12,500.00\r\n";
    let p = csv_import::preview(&u.conn, u.fy, file, &MAPPING).unwrap();
    csv_import::import(&mut u.conn, u.fy, file, &MAPPING).unwrap();
    let december: i64 = figures::load(&u.conn, u.fy)
        .unwrap()
        .lines
        .iter()
        .map(|l| l.months[5].actual_cents)
        .sum();
    assert_eq!(december, 50_000 + 3_000, "finance's $500, the supplies log");
    assert_eq!(p.written_total_cents, december, "the preview said as much");
}

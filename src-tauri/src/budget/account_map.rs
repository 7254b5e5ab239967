//! The finance import's account map: which of finance's accounts go to which
//! budget line, and which cost centres in finance's files are this
//! department's.
//!
//! Finance exports its own chart of accounts ("6010-4410-100",
//! "40.5120.0000"), not the budget's GL codes, and often the rows of several
//! departments in one file. The map is built in the import's preview from the
//! file's unknown accounts, remembered, and edited in Settings. Many accounts
//! may go to one line; an account goes to one line. Lines belong to a fiscal
//! year, so the map does too, and a year copied from another takes its map
//! along (`copy`). Cost centres are the department's, whatever the year.
//!
//! Accounts and cost centres are compared as finance writes them, trimmed,
//! ignoring case and runs of spaces (`key`).

use super::lines;
use crate::error::{AppError, AppResult, Validator};
use crate::input;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// How an account or a cost centre is compared: trimmed, one space between
/// words, any case.
pub fn key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One remembered finance account and the line it goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MappedAccount {
    pub account: String,
    pub line_id: i64,
    pub line_name: String,
    pub line_gl_account: String,
}

/// The map of one fiscal year, and the department's cost centres.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccountMap {
    pub fiscal_year_id: i64,
    /// By account.
    pub accounts: Vec<MappedAccount>,
    /// This department's cost centres, in order.
    pub cost_centres: Vec<String>,
}

/// "This finance account goes to that line".
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct AccountMapInput {
    pub account: String,
    pub line_id: Option<i64>,
}

pub fn load(conn: &Connection, fiscal_year_id: i64) -> AppResult<AccountMap> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.account, a.line_id, l.name, l.gl_account FROM budget_account_map a
         JOIN budget_line l ON l.id = a.line_id
         WHERE a.fiscal_year_id = ?1 ORDER BY a.account COLLATE NOCASE",
    )?;
    let accounts = stmt
        .query_map([fiscal_year_id], |r| {
            Ok(MappedAccount {
                account: r.get(0)?,
                line_id: r.get(1)?,
                line_name: r.get(2)?,
                line_gl_account: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(AccountMap {
        fiscal_year_id,
        accounts,
        cost_centres: cost_centres(conn)?,
    })
}

pub fn cost_centres(conn: &Connection) -> AppResult<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT code FROM budget_cost_centre ORDER BY code COLLATE NOCASE")?;
    let codes = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(codes)
}

/// The map as the import reads it: account key → line id.
pub(crate) fn lookup(conn: &Connection, fiscal_year_id: i64) -> AppResult<HashMap<String, i64>> {
    Ok(load(conn, fiscal_year_id)?
        .accounts
        .into_iter()
        .map(|a| (key(&a.account), a.line_id))
        .collect())
}

fn account_text(v: &mut Validator, text: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let checked = v.take("account", input::text(&text, 60, "finance account"));
    if checked.as_deref() == Some("") {
        v.fail(
            "account",
            "Enter the finance account as it appears in the file.",
        );
        return None;
    }
    checked
}

/// Maps `account` to a line of the year (replacing where it went before).
pub fn save(
    conn: &Connection,
    fiscal_year_id: i64,
    form: &AccountMapInput,
) -> AppResult<AccountMap> {
    let mut v = Validator::new();
    let account = account_text(&mut v, &form.account);
    if form.line_id.is_none() {
        v.fail("line_id", "Choose the budget line this account goes to.");
    }
    v.finish()?;
    let line = lines::get(conn, form.line_id.unwrap_or(0))
        .ok()
        .filter(|l| l.fiscal_year_id == fiscal_year_id)
        .ok_or_else(|| {
            AppError::field(
                "line_id",
                "That budget line is not in this fiscal year any more; choose again.",
            )
        })?;
    let account = account.unwrap_or_default();
    conn.execute(
        "INSERT INTO budget_account_map (fiscal_year_id, account, line_id) VALUES (?1, ?2, ?3)
         ON CONFLICT (fiscal_year_id, account) DO UPDATE SET line_id = excluded.line_id, account = excluded.account",
        params![fiscal_year_id, account, line.id],
    )?;
    load(conn, fiscal_year_id)
}

/// Forgets where `account` goes.
pub fn remove(conn: &Connection, fiscal_year_id: i64, account: &str) -> AppResult<AccountMap> {
    let removed = conn.execute(
        "DELETE FROM budget_account_map WHERE fiscal_year_id = ?1 AND account = ?2 COLLATE NOCASE",
        params![
            fiscal_year_id,
            account.split_whitespace().collect::<Vec<_>>().join(" ")
        ],
    )?;
    if removed == 0 {
        return Err(AppError::not_found("That account"));
    }
    load(conn, fiscal_year_id)
}

/// Marks `code` as one of this department's cost centres (`ours`) or not.
pub fn set_cost_centre(conn: &Connection, code: &str, ours: bool) -> AppResult<Vec<String>> {
    let mut v = Validator::new();
    let code = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let code = v.take("cost_centre", input::text(&code, 40, "cost centre"));
    if code.as_deref() == Some("") {
        v.fail(
            "cost_centre",
            "Enter the cost centre as it appears in the file.",
        );
    }
    v.finish()?;
    let code = code.unwrap_or_default();
    let present = conn
        .query_row(
            "SELECT id FROM budget_cost_centre WHERE code = ?1 COLLATE NOCASE",
            [&code],
            |r| r.get::<_, i64>(0),
        )
        .optional()?;
    match (ours, present) {
        (true, None) => {
            conn.execute("INSERT INTO budget_cost_centre (code) VALUES (?1)", [&code])?;
        }
        (false, Some(id)) => {
            conn.execute("DELETE FROM budget_cost_centre WHERE id = ?1", [id])?;
        }
        _ => {}
    }
    cost_centres(conn)
}

/// A copied year's map: each account goes to the copy of its line
/// (`new_ids`: old line id → new line id).
pub(crate) fn copy(
    conn: &Connection,
    from: i64,
    to: i64,
    new_ids: &HashMap<i64, i64>,
) -> AppResult<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO budget_account_map (fiscal_year_id, account, line_id) VALUES (?1, ?2, ?3)",
    )?;
    for a in load(conn, from)?.accounts {
        if let Some(line) = new_ids.get(&a.line_id) {
            stmt.execute(params![to, a.account, line])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn accounts_compare_trimmed_in_any_case_with_single_spaces() {
        assert_eq!(key("  6010-4410-100 "), "6010-4410-100");
        assert_eq!(key("Supplies  Med\tSurg"), "supplies med surg");
        assert_ne!(
            key("6010-4410-100"),
            key("6010-4410-1000"),
            "a longer code is another account"
        );
    }
}

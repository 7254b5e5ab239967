//! The expense log: purchases the manager tracks themselves. Until finance's
//! figure for a month comes, a line's logged expenses of that month are its
//! actual (see `figures`); a refund is a negative amount.

use super::{lines, money, years};
use crate::error::{AppError, AppResult, Validator};
use crate::input;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Expense {
    pub id: i64,
    pub date: String,
    pub vendor: String,
    pub description: String,
    pub line_id: i64,
    pub line_name: String,
    pub amount_cents: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ExpenseInput {
    pub date: String,
    pub vendor: String,
    pub description: String,
    pub line_id: Option<i64>,
    /// "249.99"; a refund as "-249.99" or "(249.99)".
    pub amount: String,
}

/// Which expenses of a year to list: all, one line's, one month's.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ExpenseQuery {
    pub line_id: Option<i64>,
    /// 0 to 11 in the fiscal year.
    pub month: Option<i64>,
}

const SELECT: &str =
    "SELECT e.id, e.date, e.vendor, e.description, e.line_id, l.name, e.amount_cents
     FROM expense e JOIN budget_line l ON l.id = e.line_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Expense> {
    Ok(Expense {
        id: r.get(0)?,
        date: r.get(1)?,
        vendor: r.get(2)?,
        description: r.get(3)?,
        line_id: r.get(4)?,
        line_name: r.get(5)?,
        amount_cents: r.get(6)?,
    })
}

/// A year's expenses, newest first.
pub fn list(
    conn: &Connection,
    fiscal_year_id: i64,
    query: &ExpenseQuery,
) -> AppResult<Vec<Expense>> {
    let (year, _) = years::get(conn, fiscal_year_id)?;
    let (from, to) = match query.month {
        Some(m) => (year.month(m).first_day(), year.month(m).last_day()),
        None => (year.first.first_day(), year.last().last_day()),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE l.fiscal_year_id = ?1 AND (?2 IS NULL OR e.line_id = ?2)
             AND e.date BETWEEN ?3 AND ?4
         ORDER BY e.date DESC, e.id DESC"
    ))?;
    let rows = stmt.query_map(
        params![
            fiscal_year_id,
            query.line_id,
            input::format_date(from),
            input::format_date(to)
        ],
        from_row,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> AppResult<Expense> {
    conn.query_row(&format!("{SELECT} WHERE e.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| AppError::not_found("That expense"))
}

/// Creates (`id` none) or updates an expense. Its date must fall in the
/// fiscal year of its line.
pub fn save(conn: &Connection, id: Option<i64>, form: &ExpenseInput) -> AppResult<Expense> {
    let mut v = Validator::new();
    let date = v.take("date", input::date(&form.date));
    let vendor = v.take("vendor", input::required_text(&form.vendor, 120, "vendor"));
    let description = v.take(
        "description",
        input::multiline_text(&form.description, 500, "description"),
    );
    let amount = v.take("amount", money::signed_cents(&form.amount));
    if amount == Some(0) {
        v.fail("amount", "Enter the amount spent; it cannot be 0.");
    }
    let line = match form.line_id {
        None => {
            v.fail("line_id", "Choose the budget line it is charged to.");
            None
        }
        Some(line_id) => match lines::get(conn, line_id) {
            Ok(line) => Some(line),
            Err(_) => {
                v.fail(
                    "line_id",
                    "That budget line no longer exists; choose again.",
                );
                None
            }
        },
    };
    if let (Some(date), Some(line)) = (date, &line) {
        let (year, fy) = years::get(conn, line.fiscal_year_id)?;
        v.check(
            year.index_of_date(date).is_some(),
            "date",
            format!(
                "The date must fall in {} ({}), the year of this line.",
                fy.label, fy.span
            ),
        );
    }
    v.finish()?;
    if let Some(id) = id {
        get(conn, id)?;
    }
    let values = params![
        input::format_date(date.unwrap_or_default()),
        vendor.unwrap_or_default(),
        description.unwrap_or_default(),
        line.map(|l| l.id).unwrap_or_default(),
        amount.unwrap_or_default(),
        id,
    ];
    let id = match id {
        Some(id) => {
            conn.execute(
                "UPDATE expense SET date = ?1, vendor = ?2, description = ?3, line_id = ?4,
                     amount_cents = ?5 WHERE id = ?6",
                values,
            )?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO expense (date, vendor, description, line_id, amount_cents, id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                values,
            )?;
            conn.last_insert_rowid()
        }
    };
    get(conn, id)
}

pub fn delete(conn: &Connection, id: i64) -> AppResult<()> {
    if conn.execute("DELETE FROM expense WHERE id = ?1", [id])? == 0 {
        return Err(AppError::not_found("That expense"));
    }
    Ok(())
}

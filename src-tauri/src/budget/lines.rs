//! Budget lines: a category, a name, an optional GL account code and an
//! annual amount spread over the twelve months.
//!
//! Names and GL account codes are unique within a year, because the finance
//! import finds a line by either one.
//!
//! One truth for a line's amount: its twelve months. The annual amount is
//! always their sum — stored as such on every write (`insert`, `save`) and
//! recomputed on every read (`list`), so a file written by an older version or
//! another tool cannot show a Sheet total that its months, the Variance or a
//! report disagree with.

use super::{spread, years, BudgetLine, BudgetLineInput, Category, Spread};
use crate::error::{AppError, AppResult, Validator};
use crate::input;
use rusqlite::{params, Connection, OptionalExtension};

/// A line form that passed every rule, with its twelve months.
struct ValidLine {
    category: Category,
    name: String,
    gl_account: String,
    annual: i64,
    spread: Spread,
    months: [i64; 12],
}

fn validate(form: &BudgetLineInput, days: &[i64; 12]) -> AppResult<ValidLine> {
    let mut v = Validator::new();
    if form.category.is_none() {
        v.fail("category", "Choose a category.");
    }
    let name = v.take("name", input::text(&form.name, 80, "line name"));
    let gl = v.take(
        "gl_account",
        input::text(&form.gl_account, 32, "GL account"),
    );
    if form.spread.is_none() {
        v.fail("spread", "Choose how the amount is spread over the months.");
    }
    let how = form.spread.unwrap_or(Spread::Even);
    let mut typed = [0_i64; 12];
    let mut annual = 0;
    if how == Spread::Typed {
        if form.monthly.len() != 12 {
            v.fail("monthly", "Enter an amount for each of the twelve months.");
        } else {
            for (i, text) in form.monthly.iter().enumerate() {
                let text = if text.trim().is_empty() { "0" } else { text };
                if let Some(c) = v.take(&format!("monthly.{i}"), super::money::budget_cents(text)) {
                    typed[i] = c;
                }
            }
            annual = typed.iter().sum();
            v.check(
                annual <= super::money::MAX_CENTS,
                "monthly",
                "The year's total is too large.",
            );
        }
    } else if let Some(c) = v.take("annual", super::money::budget_cents(&form.annual)) {
        annual = c;
    }
    v.finish()?;
    let category = form.category.unwrap_or(Category::Other);
    let name = name.unwrap_or_default();
    Ok(ValidLine {
        category,
        name: if name.is_empty() {
            category.label().to_string()
        } else {
            name
        },
        gl_account: gl.unwrap_or_default(),
        annual,
        spread: how,
        months: spread::spread(annual, how, days, &typed),
    })
}

const COLUMNS: &str = "id, fiscal_year_id, category, name, gl_account, annual_cents, spread";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<BudgetLine> {
    Ok(BudgetLine {
        id: r.get(0)?,
        fiscal_year_id: r.get(1)?,
        category: r.get(2)?,
        name: r.get(3)?,
        gl_account: r.get(4)?,
        annual_cents: r.get(5)?,
        spread: r.get(6)?,
        monthly_cents: Vec::new(),
    })
}

/// The lines of a year in the manager's order, each with its twelve months.
pub fn list(conn: &Connection, fiscal_year_id: i64) -> AppResult<Vec<BudgetLine>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM budget_line WHERE fiscal_year_id = ?1 ORDER BY position, id"
    ))?;
    let mut lines: Vec<BudgetLine> = stmt
        .query_map([fiscal_year_id], from_row)?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT m.line_id, m.month, m.budget_cents FROM budget_month m
         JOIN budget_line l ON l.id = m.line_id WHERE l.fiscal_year_id = ?1",
    )?;
    let mut months = std::collections::HashMap::<i64, [i64; 12]>::new();
    for row in stmt.query_map([fiscal_year_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })? {
        let (line, month, cents) = row?;
        months.entry(line).or_insert([0; 12])[month as usize] = cents;
    }
    for line in &mut lines {
        let twelve = months.get(&line.id).copied().unwrap_or([0; 12]);
        line.annual_cents = twelve.iter().sum();
        line.monthly_cents = twelve.to_vec();
    }
    Ok(lines)
}

pub fn get(conn: &Connection, id: i64) -> AppResult<BudgetLine> {
    let line = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM budget_line WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(|| AppError::not_found("That budget line"))?;
    list(conn, line.fiscal_year_id)?
        .into_iter()
        .find(|l| l.id == id)
        .ok_or_else(|| AppError::not_found("That budget line"))
}

/// Creates (`id` none) or updates a line. Changing the budget keeps the
/// months' actuals and explanations.
pub fn save(
    conn: &mut Connection,
    fiscal_year_id: i64,
    id: Option<i64>,
    form: &BudgetLineInput,
) -> AppResult<BudgetLine> {
    let (year, _) = years::get(conn, fiscal_year_id)?;
    let valid = validate(form, &year.days())?;
    let tx = conn.transaction()?;
    if let Some(id) = id {
        let current = get(&tx, id)?;
        if current.fiscal_year_id != fiscal_year_id {
            return Err(AppError::not_found("That budget line"));
        }
    }
    check_unique(&tx, fiscal_year_id, &valid, id)?;
    let id = match id {
        Some(id) => {
            tx.execute(
                "UPDATE budget_line SET category = ?1, name = ?2, gl_account = ?3,
                     annual_cents = ?4, spread = ?5 WHERE id = ?6",
                params![
                    valid.category,
                    valid.name,
                    valid.gl_account,
                    valid.months.iter().sum::<i64>(),
                    valid.spread,
                    id
                ],
            )?;
            let mut stmt = tx.prepare_cached(
                "UPDATE budget_month SET budget_cents = ?3 WHERE line_id = ?1 AND month = ?2",
            )?;
            for (m, cents) in valid.months.iter().enumerate() {
                stmt.execute(params![id, m as i64, cents])?;
            }
            id
        }
        None => {
            let template = BudgetLine {
                id: 0,
                fiscal_year_id,
                category: valid.category,
                name: valid.name.clone(),
                gl_account: valid.gl_account.clone(),
                annual_cents: valid.annual,
                spread: valid.spread,
                monthly_cents: Vec::new(),
            };
            insert(&tx, fiscal_year_id, &template, &valid.months)?
        }
    };
    tx.commit()?;
    get(conn, id)
}

/// Adds a line at the end of a year's list with its twelve months; its
/// annual amount is their sum (whatever `line.annual_cents` says).
pub(crate) fn insert(
    conn: &Connection,
    fiscal_year_id: i64,
    line: &BudgetLine,
    months: &[i64; 12],
) -> AppResult<i64> {
    let annual: i64 = months.iter().sum();
    conn.execute(
        "INSERT INTO budget_line (fiscal_year_id, position, category, name, gl_account, annual_cents, spread)
         VALUES (?1, (SELECT COALESCE(MAX(position), 0) + 1 FROM budget_line WHERE fiscal_year_id = ?1),
                 ?2, ?3, ?4, ?5, ?6)",
        params![fiscal_year_id, line.category, line.name, line.gl_account, annual, line.spread],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO budget_month (line_id, month, budget_cents) VALUES (?1, ?2, ?3)",
    )?;
    for (m, cents) in months.iter().enumerate() {
        stmt.execute(params![id, m as i64, cents])?;
    }
    Ok(id)
}

fn check_unique(
    conn: &Connection,
    year: i64,
    line: &ValidLine,
    except: Option<i64>,
) -> AppResult<()> {
    let taken = |sql: &str, value: &str| -> AppResult<bool> {
        Ok(conn
            .query_row(sql, params![year, value, except.unwrap_or(0)], |_| Ok(()))
            .optional()?
            .is_some())
    };
    let mut v = Validator::new();
    if taken(
        "SELECT 1 FROM budget_line WHERE fiscal_year_id = ?1 AND name = ?2 COLLATE NOCASE AND id <> ?3",
        &line.name,
    )? {
        v.fail("name", format!("This year already has a line named “{}”.", line.name));
    }
    if !line.gl_account.is_empty()
        && taken(
            "SELECT 1 FROM budget_line WHERE fiscal_year_id = ?1 AND gl_account = ?2 COLLATE NOCASE AND id <> ?3",
            &line.gl_account,
        )?
    {
        v.fail(
            "gl_account",
            format!("GL account {} is already used by another line of this year.", line.gl_account),
        );
    }
    v.finish()
}

/// Removes a line with its months and expenses.
pub fn delete(conn: &Connection, id: i64) -> AppResult<()> {
    if conn.execute("DELETE FROM budget_line WHERE id = ?1", [id])? == 0 {
        return Err(AppError::not_found("That budget line"));
    }
    Ok(())
}

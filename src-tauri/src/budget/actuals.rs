//! Typed actuals and variance explanations, one line and month at a time.
//!
//! A typed actual replaces the month's earlier typed or imported amount and
//! stands for the month in place of the expenses logged for it (see
//! `figures`). An empty amount clears it. An explanation is the note the director asks for, kept
//! with the month's figures.

use super::{lines, money};
use crate::error::{AppError, AppResult, Validator};
use crate::input;
use rusqlite::{params, Connection};
use serde::Deserialize;
use ts_rs::TS;

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ActualInput {
    pub line_id: i64,
    /// 0 to 11 in the fiscal year.
    pub month: i64,
    /// "1,234.56", "(12.00)"; empty clears the typed actual.
    pub actual: String,
    pub explanation: String,
}

fn check_month(v: &mut Validator, month: i64) {
    v.check(
        (0..12).contains(&month),
        "month",
        "Choose a month of the fiscal year.",
    );
}

/// Saves the typed actual and the explanation of one line in one month.
pub fn save(conn: &Connection, form: &ActualInput) -> AppResult<()> {
    let mut v = Validator::new();
    check_month(&mut v, form.month);
    let actual = if form.actual.trim().is_empty() {
        Some(None)
    } else {
        v.take("actual", money::signed_cents(&form.actual))
            .map(Some)
    };
    let explanation = v.take(
        "explanation",
        input::multiline_text(&form.explanation, 2000, "explanation"),
    );
    v.finish()?;
    lines::get(conn, form.line_id)?;
    conn.execute(
        "UPDATE budget_month SET actual_cents = ?3, explanation = ?4 WHERE line_id = ?1 AND month = ?2",
        params![form.line_id, form.month, actual.flatten(), explanation.unwrap_or_default()],
    )?;
    Ok(())
}

/// Saves only the explanation, leaving the figures as they are.
pub fn explain(conn: &Connection, line_id: i64, month: i64, text: &str) -> AppResult<()> {
    let mut v = Validator::new();
    check_month(&mut v, month);
    let text = v.take(
        "explanation",
        input::multiline_text(text, 2000, "explanation"),
    );
    v.finish()?;
    let changed = conn.execute(
        "UPDATE budget_month SET explanation = ?3 WHERE line_id = ?1 AND month = ?2",
        params![line_id, month, text.unwrap_or_default()],
    )?;
    if changed == 0 {
        return Err(AppError::not_found("That budget line"));
    }
    Ok(())
}

//! Fiscal years: create (empty, or a copy of another year's budget with an
//! adjustment), list, delete.
//!
//! A year starts in the department's fiscal start month; the start is stored
//! with the year so that changing the department setting later does not
//! reshape a year already planned. Years never overlap.

use super::calendar::{Year, YearMonth};
use super::{lines, money, spread, FiscalYear, FiscalYearInput, Spread};
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::{department, input};
use rusqlite::{params, Connection, OptionalExtension};

/// The stored start of a year, and the year as the UI lists it.
pub fn get(conn: &Connection, id: i64) -> AppResult<(Year, FiscalYear)> {
    conn.query_row(
        "SELECT first_month, target_hppd_hundredths FROM fiscal_year WHERE id = ?1",
        [id],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
    )
    .optional()?
    .map(|(first, hppd)| describe(id, &first, hppd))
    .ok_or_else(|| AppError::not_found("That fiscal year"))
}

fn describe(id: i64, first_month: &str, target_hppd_hundredths: i64) -> (Year, FiscalYear) {
    let year = Year {
        first: YearMonth::from_code(first_month).unwrap_or(YearMonth {
            year: 2000,
            month: 1,
        }),
    };
    (
        year,
        FiscalYear {
            id,
            label: year.label(),
            span: year.span(),
            months: year.months(),
            target_hppd_hundredths,
        },
    )
}

/// Every fiscal year, latest first.
pub fn list(conn: &Connection) -> AppResult<Vec<FiscalYear>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, first_month, target_hppd_hundredths FROM fiscal_year ORDER BY first_month DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(describe(r.get(0)?, &r.get::<_, String>(1)?, r.get(2)?).1)
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The year holding `date`, if there is one.
pub fn holding(conn: &Connection, date: chrono::NaiveDate) -> AppResult<Option<FiscalYear>> {
    Ok(list(conn)?.into_iter().find(|fy| {
        let first = YearMonth::from_code(&fy.months[0].month);
        first.is_some_and(|first| Year { first }.index_of_date(date).is_some())
    }))
}

pub fn create(conn: &mut Connection, form: &FiscalYearInput) -> AppResult<FiscalYear> {
    let dept = department::require(conn)?;
    let mut v = Validator::new();
    let first_year = v.take(
        "first_year",
        input::whole_number(
            &form.first_year,
            2000,
            2100,
            "year the fiscal year starts in",
        ),
    );
    let bp = v.take(
        "adjustment_percent",
        money::percent_bp(&form.adjustment_percent, -5_000, 5_000, "adjustment"),
    );
    v.finish()?;
    let year = Year {
        first: YearMonth {
            year: first_year.unwrap_or(2000) as i32,
            month: dept.fiscal_year_start_month as u32,
        },
    };
    let tx = conn.transaction()?;
    for existing in list(&tx)? {
        let Some(other) = YearMonth::from_code(&existing.months[0].month) else {
            continue;
        };
        if other.until(year.first).abs() < 12 {
            return Err(AppError::field(
                "first_year",
                format!(
                    "{} ({}) overlaps {} ({}); a month belongs to one fiscal year.",
                    year.label(),
                    year.span(),
                    existing.label,
                    existing.span
                ),
            ));
        }
    }
    let source = match form.copy_from {
        Some(id) => Some(get(&tx, id).map_err(|_| {
            AppError::field(
                "copy_from",
                "The year to copy no longer exists; choose again.",
            )
        })?),
        None => None,
    };
    tx.execute(
        "INSERT INTO fiscal_year (first_month, target_hppd_hundredths) VALUES (?1, ?2)",
        params![
            year.first.code(),
            source.as_ref().map_or(0, |s| s.1.target_hppd_hundredths)
        ],
    )?;
    let id = tx.last_insert_rowid();
    if let Some((_, from)) = &source {
        copy_budget(&tx, from.id, id, year, bp.unwrap_or(0))?;
    }
    tx.commit()?;
    Ok(get(conn, id)?.1)
}

/// Lines (amounts adjusted by `bp`) with the finance account map, budgeted
/// patient days and FTEs.
fn copy_budget(conn: &Connection, from: i64, to: i64, year: Year, bp: i64) -> AppResult<()> {
    let mut new_ids = std::collections::HashMap::new();
    for line in lines::list(conn, from)? {
        let old: [i64; 12] = line.monthly_cents.clone().try_into().unwrap_or([0; 12]);
        let (annual, shaped) = spread::adjusted(line.annual_cents, &old, bp);
        let months = match line.spread {
            Spread::Typed => shaped,
            other => spread::spread(annual, other, &year.days(), &shaped),
        };
        new_ids.insert(line.id, lines::insert(conn, to, &line, &months)?);
    }
    super::account_map::copy(conn, from, to, &new_ids)?;
    conn.execute(
        "INSERT INTO budget_volume (fiscal_year_id, month, budgeted_patient_days)
         SELECT ?2, month, budgeted_patient_days FROM budget_volume WHERE fiscal_year_id = ?1",
        [from, to],
    )?;
    conn.execute(
        "INSERT INTO budget_fte (fiscal_year_id, role, fte_hundredths)
         SELECT ?2, role, fte_hundredths FROM budget_fte WHERE fiscal_year_id = ?1",
        [from, to],
    )?;
    Ok(())
}

/// Removes a year with its lines, actuals, expenses and volumes.
pub fn delete(conn: &Connection, id: i64) -> AppResult<()> {
    if conn.execute("DELETE FROM fiscal_year WHERE id = ?1", [id])? == 0 {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "That fiscal year was not found. It may have been removed.",
        ));
    }
    Ok(())
}

/// The years for the picker, the one holding today, and the first year a
/// new fiscal year would most likely start in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct FiscalYears {
    pub years: Vec<FiscalYear>,
    pub current_id: Option<i64>,
    pub next_first_year: i64,
}

pub fn overview(conn: &Connection, today: chrono::NaiveDate) -> AppResult<FiscalYears> {
    let years = list(conn)?;
    let current_id = holding(conn, today)?.map(|fy| fy.id);
    let next_first_year = match years
        .first()
        .and_then(|fy| YearMonth::from_code(&fy.months[0].month))
    {
        Some(latest) => latest.year as i64 + 1,
        None => {
            // The year holding today starts this calendar year or the last.
            let start = department::require(conn)?.fiscal_year_start_month as u32;
            let ym = YearMonth::of(today);
            (if ym.month >= start {
                ym.year
            } else {
                ym.year - 1
            }) as i64
        }
    };
    Ok(FiscalYears {
        years,
        current_id,
        next_first_year,
    })
}

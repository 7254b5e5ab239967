//! Budget commands: fiscal years, budget lines, typed actuals and
//! explanations, the expense log.

use super::{today, DbState};
use crate::budget::actuals::{self, ActualInput};
use crate::budget::expenses::{self, Expense, ExpenseInput, ExpenseQuery};
use crate::budget::figures::{self, BudgetSheet};
use crate::budget::years::{self, FiscalYears};
use crate::budget::{lines, BudgetLine, BudgetLineInput, FiscalYear, FiscalYearInput};
use crate::error::AppResult;
use wardbook_macros::command;

#[command]
pub async fn fiscal_years_list(db: DbState<'_>) -> AppResult<FiscalYears> {
    db.run(|conn| years::overview(conn, today(conn)?)).await
}

#[command]
pub async fn fiscal_year_create(db: DbState<'_>, input: FiscalYearInput) -> AppResult<FiscalYear> {
    db.run(move |conn| years::create(conn, &input)).await
}

#[command]
pub async fn fiscal_year_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| years::delete(conn, id)).await
}

#[command]
pub async fn budget_sheet(db: DbState<'_>, fiscal_year_id: i64) -> AppResult<BudgetSheet> {
    db.run(move |conn| figures::load(conn, fiscal_year_id))
        .await
}

#[command]
pub async fn budget_line_save(
    db: DbState<'_>,
    fiscal_year_id: i64,
    id: Option<i64>,
    input: BudgetLineInput,
) -> AppResult<BudgetLine> {
    db.run(move |conn| lines::save(conn, fiscal_year_id, id, &input))
        .await
}

#[command]
pub async fn budget_line_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| lines::delete(conn, id)).await
}

/// Saves a typed actual and its explanation; returns the year's sheet.
#[command]
pub async fn budget_actual_save(db: DbState<'_>, input: ActualInput) -> AppResult<BudgetSheet> {
    db.run(move |conn| {
        actuals::save(conn, &input)?;
        figures::load(conn, lines::get(conn, input.line_id)?.fiscal_year_id)
    })
    .await
}

#[command]
pub async fn budget_explanation_save(
    db: DbState<'_>,
    line_id: i64,
    month: i64,
    explanation: String,
) -> AppResult<()> {
    db.run(move |conn| actuals::explain(conn, line_id, month, &explanation))
        .await
}

#[command]
pub async fn expenses_list(
    db: DbState<'_>,
    fiscal_year_id: i64,
    query: ExpenseQuery,
) -> AppResult<Vec<Expense>> {
    db.run(move |conn| expenses::list(conn, fiscal_year_id, &query))
        .await
}

#[command]
pub async fn expense_save(
    db: DbState<'_>,
    id: Option<i64>,
    input: ExpenseInput,
) -> AppResult<Expense> {
    db.run(move |conn| expenses::save(conn, id, &input)).await
}

#[command]
pub async fn expense_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| expenses::delete(conn, id)).await
}

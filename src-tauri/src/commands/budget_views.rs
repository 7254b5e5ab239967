//! Budget views and targets: variance with forecast and chart data, volume
//! and staffing targets, labor productivity, the schedule's projected cost.

use super::{today, DbState};
use crate::budget::productivity::{self, LaborCostMonth, ProductivityReport};
use crate::budget::targets::{self, Targets, TargetsInput, VolumeInput};
use crate::budget::variance::{self, VarianceReport};
use crate::error::AppResult;
use wardbook_macros::command;

/// `month` none: the latest month with actuals.
#[command]
pub async fn budget_variance(
    db: DbState<'_>,
    fiscal_year_id: i64,
    month: Option<i64>,
) -> AppResult<VarianceReport> {
    db.run(move |conn| variance::report(conn, fiscal_year_id, month))
        .await
}

#[command]
pub async fn budget_targets(db: DbState<'_>, fiscal_year_id: i64) -> AppResult<Targets> {
    db.run(move |conn| targets::load(conn, fiscal_year_id))
        .await
}

#[command]
pub async fn budget_volumes_save(
    db: DbState<'_>,
    fiscal_year_id: i64,
    rows: Vec<VolumeInput>,
) -> AppResult<Targets> {
    db.run(move |conn| targets::save_volumes(conn, fiscal_year_id, &rows))
        .await
}

#[command]
pub async fn budget_targets_save(
    db: DbState<'_>,
    fiscal_year_id: i64,
    input: TargetsInput,
) -> AppResult<Targets> {
    db.run(move |conn| targets::save_targets(conn, fiscal_year_id, &input))
        .await
}

#[command]
pub async fn budget_productivity(
    db: DbState<'_>,
    fiscal_year_id: i64,
) -> AppResult<ProductivityReport> {
    db.run(move |conn| productivity::report(conn, fiscal_year_id, today(conn)?))
        .await
}

#[command]
pub async fn budget_labor_cost(
    db: DbState<'_>,
    fiscal_year_id: i64,
) -> AppResult<Vec<LaborCostMonth>> {
    db.run(move |conn| productivity::labor_cost_report(conn, fiscal_year_id))
        .await
}

//! Schedule settings: shift types, rules, holidays and coverage needs.

use super::DbState;
use crate::error::AppResult;
use crate::schedule::ratios::{self, RatioPreset};
use crate::schedule::store::coverage::{self, CoverageLine};
use crate::schedule::store::rule_settings::{self, Holiday, RulesForm, RulesInput};
use crate::schedule::store::shift_types::{self, ShiftTypeInput};
use crate::schedule::ShiftType;
use wardbook_macros::command;

#[command]
pub async fn shift_types_list(db: DbState<'_>) -> AppResult<Vec<ShiftType>> {
    db.run(|conn| shift_types::list(conn)).await
}

#[command]
pub async fn shift_type_save(
    db: DbState<'_>,
    id: Option<i64>,
    input: ShiftTypeInput,
) -> AppResult<ShiftType> {
    db.run(move |conn| shift_types::save(conn, id, &input))
        .await
}

#[command]
pub async fn shift_type_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| shift_types::delete(conn, id)).await
}

#[command]
pub async fn schedule_rules_get(db: DbState<'_>) -> AppResult<RulesForm> {
    db.run(|conn| rule_settings::form(conn)).await
}

#[command]
pub async fn schedule_rules_save(db: DbState<'_>, input: RulesInput) -> AppResult<RulesForm> {
    db.run(move |conn| rule_settings::save(conn, &input)).await
}

#[command]
pub async fn holiday_save(db: DbState<'_>, date: String, name: String) -> AppResult<Vec<Holiday>> {
    db.run(move |conn| rule_settings::holiday_save(conn, &date, &name))
        .await
}

#[command]
pub async fn holiday_delete(db: DbState<'_>, date: String) -> AppResult<Vec<Holiday>> {
    db.run(move |conn| rule_settings::holiday_delete(conn, &date))
        .await
}

#[command]
pub async fn coverage_list(db: DbState<'_>) -> AppResult<Vec<CoverageLine>> {
    db.run(|conn| coverage::list(conn)).await
}

#[command]
pub async fn coverage_save(
    db: DbState<'_>,
    lines: Vec<CoverageLine>,
) -> AppResult<Vec<CoverageLine>> {
    db.run(move |conn| coverage::save(conn, &lines)).await
}

#[command]
pub fn ratio_presets() -> Vec<RatioPreset> {
    ratios::presets()
}

#[command]
pub async fn coverage_from_census(
    db: DbState<'_>,
    shift_type_id: i64,
    census: String,
    patients_per_nurse: String,
) -> AppResult<CoverageLine> {
    db.run(move |conn| coverage::from_census(conn, shift_type_id, &census, &patients_per_nurse))
        .await
}

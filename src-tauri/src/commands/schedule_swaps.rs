//! Shift swaps: try one on the period, approve it (the shifts move) or
//! decline it, and the period's decided swaps for the grid.

use super::{today, DbState};
use crate::error::AppResult;
use crate::schedule::store::now;
use crate::schedule::store::swaps::{self, ShiftSwap, SwapInput, SwapPreview};
use crate::schedule::view::ScheduleView;
use wardbook_macros::command;

#[command]
pub async fn swap_preview(db: DbState<'_>, input: SwapInput) -> AppResult<SwapPreview> {
    db.run(move |conn| swaps::preview(conn, &input)).await
}

#[command]
pub async fn swap_approve(db: DbState<'_>, input: SwapInput) -> AppResult<ScheduleView> {
    db.run(move |conn| swaps::approve(conn, &input, today(conn)?, &now()))
        .await
}

#[command]
pub async fn swap_decline(db: DbState<'_>, input: SwapInput) -> AppResult<()> {
    db.run(move |conn| swaps::decline(conn, &input, &now()))
        .await
}

#[command]
pub async fn swaps_for_period(db: DbState<'_>, period_id: i64) -> AppResult<Vec<ShiftSwap>> {
    db.run(move |conn| swaps::for_period(conn, period_id)).await
}

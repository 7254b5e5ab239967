//! The fills of each period, while the app runs: one fill at a time per
//! period; its proposal waits here, unsaved, until the manager accepts or
//! discards it, and an accepted one's review stays until the period's
//! shifts change.

use super::staffing::FillStaffing;
use super::summary::FillSummary;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::schedule::Assignment;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use ts_rs::TS;

/// A period's fill: running (its token and stop flag), or done with a
/// proposal awaiting the manager's decision.
pub enum Run {
    Running {
        token: u64,
        stop: Arc<AtomicBool>,
    },
    Ready {
        base: Vec<Assignment>,
        proposed: Vec<Assignment>,
        review: Box<FillLast>,
    },
}

/// An accepted fill's review, as it was proposed: shown again ("Show last
/// Fill review") for its period, after leaving the schedule and coming
/// back too, until the period's shifts change.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FillLast {
    pub summary: FillSummary,
    pub staffing: FillStaffing,
}

/// The fills of each period: running, or done and awaiting a decision;
/// and the last accepted one's review with the shifts it left.
#[derive(Default)]
pub struct FillRuns {
    runs: Mutex<HashMap<i64, Run>>,
    next: AtomicU64,
    accepted: Mutex<HashMap<i64, (Vec<Assignment>, FillLast)>>,
}

impl FillRuns {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, Run>> {
        self.runs.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Registers a new fill of the period: its token and its stop flag. A
    /// proposal not yet decided is replaced; a fill still running refuses.
    pub fn begin(&self, period_id: i64) -> AppResult<(u64, Arc<AtomicBool>)> {
        let mut runs = self.lock();
        if matches!(runs.get(&period_id), Some(Run::Running { .. })) {
            return Err(AppError::new(
                ErrorCode::Conflict,
                "A fill of this period is already running. Stop it or wait for it to finish.",
            ));
        }
        let token = self.next.fetch_add(1, Ordering::Relaxed);
        let stop = Arc::new(AtomicBool::new(false));
        runs.insert(
            period_id,
            Run::Running {
                token,
                stop: stop.clone(),
            },
        );
        Ok((token, stop))
    }

    /// Stores a finished fill's proposal (or forgets a failed one), unless
    /// it was discarded meanwhile: then false, and nothing is kept.
    pub fn finish(&self, period_id: i64, token: u64, ready: Option<Run>) -> bool {
        let mut runs = self.lock();
        let ours =
            matches!(runs.get(&period_id), Some(Run::Running { token: t, .. }) if *t == token);
        if ours {
            match ready {
                Some(run) => runs.insert(period_id, run),
                None => runs.remove(&period_id),
            };
        }
        ours
    }

    pub fn stop(&self, period_id: i64) {
        if let Some(Run::Running { stop, .. }) = self.lock().get(&period_id) {
            stop.store(true, Ordering::Relaxed);
        }
    }

    /// The proposal to accept, taken out: (what it started from, the period
    /// after it, its review).
    pub fn take(&self, period_id: i64) -> AppResult<(Vec<Assignment>, Vec<Assignment>, FillLast)> {
        let mut runs = self.lock();
        match runs.remove(&period_id) {
            Some(Run::Ready {
                base,
                proposed,
                review,
            }) => Ok((base, proposed, *review)),
            Some(running) => {
                runs.insert(period_id, running);
                Err(AppError::new(
                    ErrorCode::Conflict,
                    "The fill is still running: stop it first, then accept.",
                ))
            }
            None => Err(AppError::new(
                ErrorCode::NotFound,
                "There is no fill proposal for this period to accept.",
            )),
        }
    }

    /// Keeps an accepted fill's review with the period's shifts it left.
    pub fn accepted(&self, period_id: i64, shifts: Vec<Assignment>, review: FillLast) {
        let mut accepted = self.accepted.lock().unwrap_or_else(|p| p.into_inner());
        accepted.insert(period_id, (shifts, review));
    }

    /// The last accepted fill's review while the period holds `shifts`,
    /// the shifts it left; forgotten once they differ.
    pub fn last(&self, period_id: i64, shifts: &[Assignment]) -> Option<FillLast> {
        let mut accepted = self.accepted.lock().unwrap_or_else(|p| p.into_inner());
        match accepted.get(&period_id) {
            Some((left, review)) if left.as_slice() == shifts => Some(review.clone()),
            Some(_) => {
                accepted.remove(&period_id);
                None
            }
            None => None,
        }
    }

    /// Forgets the period's fill, stopping it if it still runs.
    pub fn discard(&self, period_id: i64) {
        if let Some(Run::Running { stop, .. }) = self.lock().remove(&period_id) {
            stop.store(true, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review() -> FillLast {
        FillLast {
            summary: FillSummary {
                added: 1,
                changed: 0,
                removed: 0,
                removed_blocked: 0,
                weekend_trades: 0,
                moved: 0,
                short_before: 1,
                short_after: 0,
                under_target_before: 0,
                under_target_after: 0,
                stopped: false,
                unmet: Vec::new(),
                under_target: Vec::new(),
                rest_kept: Vec::new(),
                hours: Vec::new(),
                requests: Default::default(),
                warned: Vec::new(),
                weekends: Vec::new(),
                changes: Vec::new(),
            },
            staffing: FillStaffing {
                staff_to: crate::fill::department::StaffTo::Target,
                above_minimum_shifts: 0,
                above_minimum_cents: 0,
                left_open: Vec::new(),
                existing_changed: None,
            },
        }
    }

    fn ready() -> Run {
        Run::Ready {
            base: Vec::new(),
            proposed: Vec::new(),
            review: Box::new(review()),
        }
    }

    #[test]
    fn the_last_review_is_kept_for_its_period_until_its_shifts_change() {
        let runs = FillRuns::default();
        let shift = |date: &str| Assignment {
            staff_id: 1,
            date: crate::schedule::testing::day(date),
            shift_type_id: 1,
            published_change: false,
        };
        let left = vec![shift("2026-12-07")];
        assert!(runs.last(1, &left).is_none(), "no fill accepted yet");
        runs.accepted(1, left.clone(), review());
        assert!(runs.last(2, &left).is_none(), "another period has none");
        assert_eq!(
            runs.last(1, &left).map(|r| r.summary.added),
            Some(1),
            "asked again (the schedule left and opened again): still there"
        );
        assert!(runs.last(1, &left).is_some());
        let edited = vec![shift("2026-12-08")];
        assert!(runs.last(1, &edited).is_none(), "a change by hand ends it");
        assert!(
            runs.last(1, &left).is_none(),
            "and it stays gone, even if the cell is put back"
        );
    }

    #[test]
    fn one_fill_at_a_time_per_period() {
        let runs = FillRuns::default();
        let (token, _) = runs.begin(1).unwrap();
        let again = runs.begin(1).unwrap_err();
        assert_eq!(again.code, ErrorCode::Conflict);
        assert!(runs.begin(2).is_ok(), "another period may fill meanwhile");
        assert_eq!(
            runs.take(1).unwrap_err().code,
            ErrorCode::Conflict,
            "still running"
        );
        assert!(runs.finish(1, token, Some(ready())));
        assert!(
            runs.begin(1).is_ok(),
            "a new fill replaces an undecided proposal"
        );
    }

    #[test]
    fn stop_flags_the_run_and_discard_drops_even_a_result_still_coming() {
        let runs = FillRuns::default();
        let (token, stop) = runs.begin(1).unwrap();
        runs.stop(1);
        assert!(stop.load(Ordering::Relaxed), "Stop reaches the search");
        runs.discard(1);
        assert!(
            !runs.finish(1, token, Some(ready())),
            "a discarded run's proposal is dropped"
        );
        assert_eq!(runs.take(1).unwrap_err().code, ErrorCode::NotFound);
    }

    #[test]
    fn a_finished_proposal_is_taken_once() {
        let runs = FillRuns::default();
        let (token, _) = runs.begin(1).unwrap();
        assert!(runs.finish(1, token, Some(ready())));
        assert!(runs.take(1).is_ok());
        assert_eq!(
            runs.take(1).unwrap_err().code,
            ErrorCode::NotFound,
            "accepted once"
        );
    }
}

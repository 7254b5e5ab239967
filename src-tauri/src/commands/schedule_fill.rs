//! Fill schedule: start a fill of a draft period on its own thread, hear
//! its progress on a `Channel` (no event permission needed), stop it (the
//! best found so far is kept), then accept the proposal or discard it.
//! One fill at a time per period; the proposal waits here, unsaved, until
//! the manager decides.

use super::{today, DbState};
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::fill::department::{self, FillOptions};
use crate::fill::run::{self, FillProgress};
use crate::fill::staffing::{staffing, FillStaffing};
use crate::fill::store;
use crate::fill::summary::{self as fill, FillSummary};
use crate::schedule::store::locks;
use crate::schedule::view::ScheduleView;
use crate::schedule::Assignment;
use serde::Serialize;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tauri::ipc::Channel;
use ts_rs::TS;
use wardbook_macros::command;

/// What a running fill tells the window.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FillEvent {
    /// The period's gaps as it stands, before the fill changes anything.
    Started {
        short_of_minimum: u32,
        short_of_target: u32,
    },
    Progress {
        progress: FillProgress,
    },
    /// The proposal: what would change, and the grid as it would be.
    Done {
        summary: Box<FillSummary>,
        /// Above-minimum cost, shifts left open at the hours limit, and
        /// changes to existing shifts.
        staffing: Box<FillStaffing>,
        view: Box<ScheduleView>,
    },
    Failed {
        message: String,
    },
}

enum Run {
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

pub type RunsState<'a> = tauri::State<'a, Arc<FillRuns>>;

impl FillRuns {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, Run>> {
        self.runs.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Registers a new fill of the period: its token and its stop flag. A
    /// proposal not yet decided is replaced; a fill still running refuses.
    fn begin(&self, period_id: i64) -> AppResult<(u64, Arc<AtomicBool>)> {
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
    fn finish(&self, period_id: i64, token: u64, ready: Option<Run>) -> bool {
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

    fn stop(&self, period_id: i64) {
        if let Some(Run::Running { stop, .. }) = self.lock().get(&period_id) {
            stop.store(true, Ordering::Relaxed);
        }
    }

    /// The proposal to accept, taken out: (what it started from, the period
    /// after it, its review).
    fn take(&self, period_id: i64) -> AppResult<(Vec<Assignment>, Vec<Assignment>, FillLast)> {
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
    fn accepted(&self, period_id: i64, shifts: Vec<Assignment>, review: FillLast) {
        let mut accepted = self.accepted.lock().unwrap_or_else(|p| p.into_inner());
        accepted.insert(period_id, (shifts, review));
    }

    /// The last accepted fill's review while the period holds `shifts`,
    /// the shifts it left; forgotten once they differ.
    fn last(&self, period_id: i64, shifts: &[Assignment]) -> Option<FillLast> {
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
    fn discard(&self, period_id: i64) {
        if let Some(Run::Running { stop, .. }) = self.lock().remove(&period_id) {
            stop.store(true, Ordering::Relaxed);
        }
    }
}

fn validate(options: &FillOptions) -> AppResult<()> {
    let mut v = Validator::new();
    v.check(
        (1..=600).contains(&options.seconds),
        "seconds",
        "The time limit is 1 to 600 seconds.",
    );
    for (field, value) in [
        ("requests", options.requests),
        ("fairness", options.fairness),
        ("cost", options.cost),
    ] {
        v.check(value <= 10, field, "Choose a weight from 0 to 10.");
    }
    v.check(
        options.extra_hours <= department::MAX_EXTRA_HOURS,
        "extra_hours",
        "Extra hours beyond the FTE are 0 to 48.",
    );
    v.finish()
}

#[command]
pub async fn schedule_fill_start(
    db: DbState<'_>,
    runs: RunsState<'_>,
    period_id: i64,
    options: FillOptions,
    on_event: Channel<FillEvent>,
) -> AppResult<()> {
    validate(&options)?;
    let (loaded, today) = db
        .run(move |conn| Ok((store::load_draft(conn, period_id)?, today(conn)?)))
        .await?;
    let (token, stop) = runs.begin(period_id)?;
    let registry = runs.inner().clone();
    let runs = registry.clone();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    std::thread::Builder::new()
        .name("fill".into())
        .spawn(move || {
            let worked = catch_unwind(AssertUnwindSafe(|| {
                let mapped = department::map(&loaded, &options);
                let (short_of_minimum, short_of_target) =
                    department::gaps(&mapped, &fill::current_roster(&loaded.ctx, &mapped));
                let _ = on_event.send(FillEvent::Started {
                    short_of_minimum,
                    short_of_target,
                });
                let mut report = |progress| {
                    let _ = on_event.send(FillEvent::Progress { progress });
                };
                let outcome = run::run(&mapped, &options, seed, &stop, &mut report)
                    .map_err(|e| e.to_string())?;
                let stopped = stop.load(Ordering::Relaxed);
                let summary = fill::summary(&loaded, &mapped, &outcome, stopped, options.fairness);
                let staffing = staffing(&loaded, &mapped, &outcome, &options);
                let proposed = fill::proposed_assignments(&loaded.ctx, &mapped, &outcome.roster);
                let view = store::preview(&loaded, &proposed, today);
                let ready = Run::Ready {
                    base: store::in_period(&loaded),
                    proposed,
                    review: Box::new(FillLast {
                        summary: summary.clone(),
                        staffing: staffing.clone(),
                    }),
                };
                Ok::<_, String>((summary, staffing, view, ready))
            }));
            let event = match worked {
                Ok(Ok((summary, staffing, view, ready))) => {
                    if !runs.finish(period_id, token, Some(ready)) {
                        return; // discarded while it ran
                    }
                    FillEvent::Done {
                        summary: Box::new(summary),
                        staffing: Box::new(staffing),
                        view: Box::new(view),
                    }
                }
                Ok(Err(message)) => FillEvent::Failed { message },
                Err(_) => FillEvent::Failed {
                    message: "The fill stopped unexpectedly. Nothing was changed.".into(),
                },
            };
            if matches!(event, FillEvent::Failed { .. }) {
                runs.finish(period_id, token, None);
            }
            let _ = on_event.send(event);
        })
        .map_err(|e| {
            registry.finish(period_id, token, None);
            AppError::new(
                ErrorCode::Internal,
                format!("The fill could not start ({e})."),
            )
        })?;
    Ok(())
}

/// Ends a running fill early; it still reports its best as the proposal.
#[command]
pub async fn schedule_fill_stop(runs: RunsState<'_>, period_id: i64) -> AppResult<()> {
    runs.stop(period_id);
    Ok(())
}

/// Writes the proposal in one transaction; nothing if any cell is refused.
#[command]
pub async fn schedule_fill_accept(
    db: DbState<'_>,
    runs: RunsState<'_>,
    period_id: i64,
) -> AppResult<ScheduleView> {
    let (base, proposed, review) = runs.take(period_id)?;
    let (view, left) = db
        .run(move |conn| {
            let today = today(conn)?;
            let view = store::accept(conn, period_id, &base, &proposed, today)?;
            Ok((view, store::shifts_of(conn, period_id)?))
        })
        .await?;
    runs.accepted(period_id, left, review);
    Ok(view)
}

/// The last accepted fill's review of the period while its shifts are
/// those the fill left; none once anything changed them.
#[command]
pub async fn schedule_fill_last(
    db: DbState<'_>,
    runs: RunsState<'_>,
    period_id: i64,
) -> AppResult<Option<FillLast>> {
    let shifts = db
        .run(move |conn| store::shifts_of(conn, period_id))
        .await?;
    Ok(runs.last(period_id, &shifts))
}

/// Drops the proposal (stopping the fill if it still runs); the period
/// is left exactly as it was.
#[command]
pub async fn schedule_fill_discard(runs: RunsState<'_>, period_id: i64) -> AppResult<()> {
    runs.discard(period_id);
    Ok(())
}

/// Locks or unlocks a grid cell against Fill schedule.
#[command]
pub async fn assignment_lock(
    db: DbState<'_>,
    period_id: i64,
    staff_id: i64,
    date: String,
    locked: bool,
) -> AppResult<ScheduleView> {
    db.run(move |conn| {
        let today = today(conn)?;
        locks::set(conn, period_id, staff_id, &date, locked, today)
    })
    .await
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
                staff_to: department::StaffTo::Target,
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
    fn extra_hours_run_from_0_to_48() {
        let with = |extra_hours| FillOptions {
            extra_hours,
            ..FillOptions::default()
        };
        assert!(validate(&with(0)).is_ok(), "none beyond the FTE");
        assert!(validate(&with(48)).is_ok());
        let err = validate(&with(49)).unwrap_err();
        assert_eq!(err.fields[0].field, "extra_hours");
        assert_eq!(
            err.fields[0].message,
            "Extra hours beyond the FTE are 0 to 48."
        );
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

//! One fill of a draft period on its own thread: checks the options, maps
//! the period, runs the search reporting its progress, and leaves the
//! proposal (what would change, and the grid as it would be) in the
//! period's [`FillRuns`] for the manager to accept or discard. The caller
//! passes how events reach the window.

use super::department::{self, FillOptions};
use super::run::{self, FillProgress};
use super::runs::{FillLast, FillRuns, Run};
use super::staffing::{staffing, FillStaffing};
use super::store;
use super::summary::{self as fill, FillSummary};
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::view::ScheduleView;
use chrono::NaiveDate;
use serde::Serialize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use ts_rs::TS;

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

/// Refuses options out of range, each beside its field.
pub fn validate(options: &FillOptions) -> AppResult<()> {
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

/// Starts a fill of the loaded draft period on its own thread, reporting
/// to `send`: refused while one of the period runs; a proposal not yet
/// decided is replaced.
pub fn start(
    runs: Arc<FillRuns>,
    period_id: i64,
    loaded: Loaded,
    today: NaiveDate,
    options: FillOptions,
    send: impl Fn(FillEvent) + Send + 'static,
) -> AppResult<()> {
    let (token, stop) = runs.begin(period_id)?;
    let registry = runs.clone();
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
                send(FillEvent::Started {
                    short_of_minimum,
                    short_of_target,
                });
                let mut report = |progress| {
                    send(FillEvent::Progress { progress });
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
            send(event);
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

#[cfg(test)]
mod tests {
    use super::*;

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
}

//! What a manager must look at before approving a pay period, each with a
//! plain reason: missed punch; early in or late out beyond the grace
//! minutes; late arrival; left early; no-show (scheduled, no punch, no
//! approved time off); unscheduled shift; incidental overtime — overtime
//! the punches made that the schedule did not have, with its cost.
//!
//! Grace: a punch exactly the grace minutes off the schedule is on time;
//! one minute more is an exception. Deviations are measured on the punches
//! as clocked (rounding is for pay, not for attendance).

use super::matching::{self, Scheduled};
use super::pay_codes;
use super::rounding::Rounding;
use super::Punch;
use crate::schedule::overtime::{self, WorkedMinutes};
use crate::schedule::{time, Rules, TimeOff, TimeOffStatus};
use crate::text_enum::text_enum;
use crate::units::Cents;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

text_enum! {
    pub enum ExceptionKind {
        MissedPunch = ("missed_punch", "Missed punch"),
        EarlyIn = ("early_in", "Early in"),
        LateArrival = ("late_arrival", "Late arrival"),
        LeftEarly = ("left_early", "Left early"),
        LateOut = ("late_out", "Late out"),
        NoShow = ("no_show", "No-show"),
        Unscheduled = ("unscheduled", "Unscheduled shift"),
        IncidentalOvertime = ("incidental_overtime", "Incidental overtime"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Exception {
    pub staff_id: i64,
    #[ts(type = "string")]
    pub workday: NaiveDate,
    pub kind: ExceptionKind,
    /// How far off, in minutes (0 for a missed punch or a no-show).
    pub minutes: i64,
    /// Extra pay the exception costs (incidental overtime), in cents.
    pub cost_cents: i64,
    pub reason: String,
}

/// One pay period's facts for the exceptions.
pub struct Period<'a> {
    pub tz: Tz,
    pub rules: &'a Rules,
    /// The first day of the 14-day pay period.
    pub start: NaiveDate,
    pub grace_minutes: i64,
    pub rounding: Rounding,
    pub shifts: &'a [Scheduled],
    pub punches: &'a [Punch],
    pub time_off: &'a [TimeOff],
    /// Base hourly rate in cents, by staff id.
    pub rates: &'a HashMap<i64, i64>,
}

impl Period<'_> {
    fn holds(&self, d: NaiveDate) -> bool {
        time::pay_period_start(self.rules.pay_period_anchor, d) == self.start
            && d >= self.start
            && d < self.start + Duration::days(14)
    }

    fn clock(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.tz).format("%H:%M").to_string()
    }
}

/// Minutes as "1 h 05 min", "45 min".
pub fn duration(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02} min"),
    }
}

/// Every exception of the period, by person then day.
pub fn exceptions(period: &Period) -> Vec<Exception> {
    let shifts: Vec<Scheduled> = period
        .shifts
        .iter()
        .filter(|s| period.holds(s.date))
        .cloned()
        .collect();
    let punches: Vec<Punch> = period
        .punches
        .iter()
        .filter(|p| period.holds(p.workday))
        .cloned()
        .collect();
    let m = matching::match_punches(&punches, &shifts);
    let mut out = Vec::new();
    let mut add = |p_staff: i64, workday, kind, minutes, reason: String| {
        out.push(Exception {
            staff_id: p_staff,
            workday,
            kind,
            minutes,
            cost_cents: 0,
            reason,
        })
    };
    for p in &punches {
        match (p.clock_in, p.clock_out) {
            (Some(i), None) => add(
                p.staff_id,
                p.workday,
                ExceptionKind::MissedPunch,
                0,
                format!("Punched in at {} with no punch out.", period.clock(i)),
            ),
            (None, Some(o)) => add(
                p.staff_id,
                p.workday,
                ExceptionKind::MissedPunch,
                0,
                format!("Punched out at {} with no punch in.", period.clock(o)),
            ),
            _ => {}
        }
    }
    for (pi, p) in punches.iter().enumerate() {
        if m.shift_of_punch[pi].is_none() {
            let (from, to) = (
                p.clock_in.map(|t| period.clock(t)),
                p.clock_out.map(|t| period.clock(t)),
            );
            add(
                p.staff_id,
                p.workday,
                ExceptionKind::Unscheduled,
                p.worked_minutes().unwrap_or(0),
                format!(
                    "Worked {}–{} with no shift scheduled.",
                    from.as_deref().unwrap_or("?"),
                    to.as_deref().unwrap_or("?")
                ),
            );
        }
    }
    for (si, s) in shifts.iter().enumerate() {
        let worked: Vec<&Punch> = m.punches_of(si).map(|pi| &punches[pi]).collect();
        let label = format!("{} {}", s.shift.code, s.shift.start.format("%H:%M"));
        if worked.is_empty() {
            let excused = period.time_off.iter().any(|t| {
                t.staff_id == s.staff_id && t.status == TimeOffStatus::Approved && t.covers(s.date)
            });
            if !excused {
                add(
                    s.staff_id,
                    s.date,
                    ExceptionKind::NoShow,
                    0,
                    format!(
                        "Scheduled {label}–{}; no punch and no approved time off.",
                        period.clock(s.span.end)
                    ),
                );
            }
            continue;
        }
        let grace = period.grace_minutes;
        let first_in = worked.iter().filter_map(|p| p.clock_in).min();
        let last_out = worked.iter().filter_map(|p| p.clock_out).max();
        if let Some(i) = first_in {
            let early = (s.span.start - i).num_minutes();
            if early > grace {
                add(
                    s.staff_id,
                    s.date,
                    ExceptionKind::EarlyIn,
                    early,
                    format!(
                        "In at {}, {} before the {} start (grace {grace} min).",
                        period.clock(i),
                        duration(early),
                        period.clock(s.span.start)
                    ),
                );
            } else if -early > grace {
                add(
                    s.staff_id,
                    s.date,
                    ExceptionKind::LateArrival,
                    -early,
                    format!(
                        "In at {}, {} after the {} start (grace {grace} min).",
                        period.clock(i),
                        duration(-early),
                        period.clock(s.span.start)
                    ),
                );
            }
        }
        if let Some(o) = last_out {
            let late = (o - s.span.end).num_minutes();
            if late > grace {
                add(
                    s.staff_id,
                    s.date,
                    ExceptionKind::LateOut,
                    late,
                    format!(
                        "Out at {}, {} after the {} end (grace {grace} min).",
                        period.clock(o),
                        duration(late),
                        period.clock(s.span.end)
                    ),
                );
            } else if -late > grace {
                add(
                    s.staff_id,
                    s.date,
                    ExceptionKind::LeftEarly,
                    -late,
                    format!(
                        "Out at {}, {} before the {} end (grace {grace} min).",
                        period.clock(o),
                        duration(-late),
                        period.clock(s.span.end)
                    ),
                );
            }
        }
    }
    out.extend(incidental_overtime(period, &shifts, &punches));
    out.sort_by_key(|e| (e.staff_id, e.workday, e.kind));
    out
}

/// Overtime the punches made beyond the overtime the schedule planned, per
/// person, dated the day the worked overtime passed the planned. Its cost
/// is those minutes at time and a half of the base rate (the schedule's
/// cost figures overtime the same way).
fn incidental_overtime(period: &Period, shifts: &[Scheduled], punches: &[Punch]) -> Vec<Exception> {
    let mut people: Vec<i64> = punches.iter().map(|p| p.staff_id).collect();
    people.sort_unstable();
    people.dedup();
    let mut out = Vec::new();
    for staff_id in people {
        let planned: Vec<WorkedMinutes> = shifts
            .iter()
            .filter(|s| s.staff_id == staff_id)
            .map(|s| WorkedMinutes {
                workday: s.date,
                minutes: s.paid_minutes(),
            })
            .collect();
        let planned_ot: i64 = overtime::overtime_minutes(period.rules, &planned)
            .iter()
            .sum();
        let worked = pay_codes::worked(
            period.tz,
            period.rounding,
            punches.iter().filter(|p| p.staff_id == staff_id),
        );
        let ot = overtime::overtime_minutes(period.rules, &worked);
        let total: i64 = ot.iter().sum();
        let extra = total - planned_ot;
        if extra <= 0 {
            continue;
        }
        let mut so_far = 0;
        let day = worked
            .iter()
            .zip(&ot)
            .find(|(_, m)| {
                so_far += *m;
                so_far > planned_ot
            })
            .map_or(period.start, |(w, _)| w.workday);
        let rate = period.rates.get(&staff_id).copied().unwrap_or(0);
        let cost = Cents(rate).scaled(extra as i128 * 3, 2 * 60).0;
        out.push(Exception {
            staff_id,
            workday: day,
            kind: ExceptionKind::IncidentalOvertime,
            minutes: extra,
            cost_cents: cost,
            reason: format!(
                "{} of overtime the schedule did not have ({} at time and a half).",
                duration(extra),
                Cents(cost).dollars()
            ),
        });
    }
    out
}

#[cfg(test)]
#[path = "exceptions_tests.rs"]
mod tests;

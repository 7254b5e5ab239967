//! Timecards: per person, scheduled against worked, the punches, the
//! exceptions still open and the hours by pay code; and the department's
//! summary of the period. What the manager approves and payroll is paid from.

use super::after_approval;
use super::exceptions::{self, Exception, ExceptionKind, Period};
use super::paid_hours;
use super::pay_codes::{self, DayHours};
use super::period::Loaded;
use super::store::PunchRecord;
use crate::input;
use chrono::{DateTime, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use ts_rs::TS;

/// Hours of one pay code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PayCodeMinutes {
    /// "REG", "OT", "PTO", "SICK"…, as payroll systems name them.
    pub code: String,
    pub label: String,
    pub minutes: i64,
    /// Paid hours in hundredths (`paid_hours`): a person's minutes rounded
    /// once; a total, the sum of its people's (what the payroll rows pay).
    pub hundredths: i64,
}

/// One punch as the timecard shows it: the department's wall clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PunchLine {
    pub id: i64,
    pub workday: String,
    /// "HH:MM", or null for a missed punch.
    pub clock_in: Option<String>,
    pub clock_out: Option<String>,
    /// The out is on a later day than the workday (a night).
    pub out_next_day: bool,
    pub meal_minutes: i64,
    /// Real minutes less the meal; null while a half is missing.
    pub worked_minutes: Option<i64>,
    pub pay_code: Option<String>,
    /// Why it was typed in or corrected by hand; null as the clock gave it.
    pub correction: Option<String>,
    /// Corrected after the period was approved.
    pub after_approval: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExceptionRow {
    pub staff_id: i64,
    pub name: String,
    pub employee_no: String,
    pub workday: String,
    pub kind: ExceptionKind,
    pub kind_label: String,
    pub minutes: i64,
    pub cost_cents: i64,
    pub reason: String,
    pub approved: bool,
    /// The punch to correct (a missed punch, a late out), if one is there.
    pub punch_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Timecard {
    pub staff_id: i64,
    pub name: String,
    pub employee_no: String,
    pub scheduled_minutes: i64,
    /// Paid worked minutes (rounded punches less meals), regular and overtime.
    pub worked_minutes: i64,
    pub regular_minutes: i64,
    pub overtime_minutes: i64,
    pub time_off_minutes: i64,
    pub by_code: Vec<PayCodeMinutes>,
    pub open_exceptions: i64,
    pub punches: Vec<PunchLine>,
    /// A punch of theirs was corrected or typed in after approval.
    pub changed_after_approval: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeriodSummary {
    pub people: i64,
    pub scheduled_minutes: i64,
    pub worked_minutes: i64,
    pub overtime_minutes: i64,
    pub time_off_minutes: i64,
    pub by_code: Vec<PayCodeMinutes>,
    pub exceptions: i64,
    pub open_exceptions: i64,
    pub incidental_overtime_cents: i64,
}

/// A person who can be given a punch by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonChoice {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PayPeriodView {
    pub start: String,
    pub end: String,
    /// Local "YYYY-MM-DD HH:MM" when approved.
    pub approved_at: Option<String>,
    pub grace_minutes: i64,
    pub rounding_label: String,
    pub exceptions: Vec<ExceptionRow>,
    pub timecards: Vec<Timecard>,
    pub summary: PeriodSummary,
    pub people: Vec<PersonChoice>,
    pub punch_count: i64,
    /// "Changed after approval: +1.0 h since payroll was exported", when
    /// the approved period was changed; null otherwise.
    pub after_approval: Option<String>,
}

/// The payroll code and label of a day's minutes.
pub fn codes(d: &DayHours) -> Vec<(String, String, i64)> {
    let mut out = Vec::new();
    if d.regular_minutes > 0 {
        out.push(("REG".into(), "Regular".into(), d.regular_minutes));
    }
    if d.overtime_minutes > 0 {
        out.push(("OT".into(), "Overtime".into(), d.overtime_minutes));
    }
    if let (Some(kind), m) = (d.time_off_kind, d.time_off_minutes) {
        if m > 0 {
            out.push((kind.code().to_uppercase(), kind.label().into(), m));
        }
    }
    out
}

type Codes = BTreeMap<String, (String, i64, i64)>;

fn add_code(list: &mut Codes, code: String, label: String, minutes: i64, hundredths: i64) {
    let e = list.entry(code).or_insert((label, 0, 0));
    e.1 += minutes;
    e.2 += hundredths;
}

fn sorted(list: Codes) -> Vec<PayCodeMinutes> {
    // REG and OT first, then time off by code.
    let rank = |c: &str| match c {
        "REG" => 0,
        "OT" => 1,
        _ => 2,
    };
    let mut v: Vec<PayCodeMinutes> = list
        .into_iter()
        .map(|(code, (label, minutes, hundredths))| PayCodeMinutes {
            code,
            label,
            minutes,
            hundredths,
        })
        .collect();
    v.sort_by(|a, b| (rank(&a.code), &a.code).cmp(&(rank(&b.code), &b.code)));
    v
}

/// Exceptions approved one by one, for the period's days.
pub fn approvals(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> crate::error::AppResult<HashSet<(i64, NaiveDate, ExceptionKind)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT staff_id, workday, kind FROM exception_approval WHERE workday BETWEEN ?1 AND ?2",
    )?;
    let rows: Vec<(i64, String, String)> = stmt
        .query_map([input::format_date(from), input::format_date(to)], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(s, d, k)| Some((s, input::date(&d).ok()?, ExceptionKind::from_code(&k)?)))
        .collect())
}

/// Longer than any shift with its overtime: an in punch this recent with
/// no out is not yet a missed punch.
const STILL_AT_WORK_HOURS: i64 = 16;

/// The period's exceptions, as the domain finds them.
pub fn exceptions_of(l: &Loaded) -> Vec<Exception> {
    let rates = l.rates();
    // A shift is judged once it is over: one still to come or still
    // running is neither missed nor worked yet, and an in punch of the
    // last 16 hours with no out is someone still at work.
    let over: Vec<_> = l
        .shifts
        .iter()
        .filter(|s| s.span.end <= l.now)
        .cloned()
        .collect();
    let at_work = |p: &super::Punch| {
        p.clock_out.is_none()
            && p.clock_in
                .is_some_and(|i| i > l.now - chrono::Duration::hours(STILL_AT_WORK_HOURS))
    };
    let punches: Vec<_> = l.punches.iter().filter(|p| !at_work(p)).cloned().collect();
    exceptions::exceptions(&Period {
        tz: l.tz,
        rules: &l.rules,
        start: l.start,
        grace_minutes: l.settings.grace_minutes,
        rounding: l.settings.rounding,
        shifts: &over,
        punches: &punches,
        time_off: &l.time_off,
        rates: &rates,
    })
}

/// Each person's hours by day and pay code for the period.
pub fn days_of(l: &Loaded, staff_id: i64) -> Vec<DayHours> {
    let mut scheduled: std::collections::HashMap<NaiveDate, i64> = l
        .replaced_shifts
        .iter()
        .filter(|((s, _), _)| *s == staff_id)
        .map(|((_, d), m)| (*d, *m))
        .collect();
    for s in l.shifts.iter().filter(|s| s.staff_id == staff_id) {
        *scheduled.entry(s.date).or_default() += s.paid_minutes();
    }
    let fte = l.person(staff_id).map_or(100, |p| p.fte_hundredths);
    pay_codes::person_days(
        &l.rules,
        l.tz,
        l.settings.rounding,
        staff_id,
        &l.punches,
        &l.time_off,
        &scheduled,
        fte,
        l.start,
        l.end(),
    )
}

fn local(l: &Loaded, t: DateTime<chrono::Utc>) -> (NaiveDate, String) {
    let t = t.with_timezone(&l.tz);
    (t.date_naive(), t.format("%H:%M").to_string())
}

fn line(l: &Loaded, r: &PunchRecord) -> PunchLine {
    let p = &r.punch;
    let out = p.clock_out.map(|t| local(l, t));
    PunchLine {
        id: r.id,
        workday: input::format_date(p.workday),
        clock_in: p.clock_in.map(|t| local(l, t).1),
        out_next_day: out.as_ref().is_some_and(|(d, _)| *d > p.workday),
        clock_out: out.map(|o| o.1),
        meal_minutes: p.meal_minutes,
        worked_minutes: p.worked_minutes(),
        pay_code: p.pay_code.clone(),
        correction: r.correction.clone(),
        after_approval: match (&l.approved_at, &r.corrected_at) {
            (Some(a), Some(c)) => c > a,
            _ => false,
        },
    }
}

/// Local "YYYY-MM-DD HH:MM" of a stored RFC 3339 instant.
pub fn shown_at(l: &Loaded, at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&l.tz).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| at.to_string())
}

pub fn view(conn: &Connection, l: &Loaded) -> crate::error::AppResult<PayPeriodView> {
    let approved = approvals(conn, l.start, l.end())?;
    let found = exceptions_of(l);
    let name = |id: i64| {
        l.person(id)
            .map(|p| (p.name.clone(), p.employee_no.clone()))
            .unwrap_or_else(|| (format!("Staff #{id}"), String::new()))
    };
    let exceptions: Vec<ExceptionRow> = found
        .iter()
        .map(|e| {
            let (n, no) = name(e.staff_id);
            let punch_id = l
                .records
                .iter()
                .filter(|r| r.punch.staff_id == e.staff_id && r.punch.workday == e.workday)
                .min_by_key(|r| {
                    // A missed punch's own punch first.
                    (
                        r.punch.clock_in.is_some() && r.punch.clock_out.is_some(),
                        r.id,
                    )
                })
                .map(|r| r.id);
            ExceptionRow {
                staff_id: e.staff_id,
                name: n,
                employee_no: no,
                workday: input::format_date(e.workday),
                kind: e.kind,
                kind_label: e.kind.label().into(),
                minutes: e.minutes,
                cost_cents: e.cost_cents,
                reason: e.reason.clone(),
                // Approving the period accepted what was open then; an
                // exception of a day changed after approval is to review.
                approved: approved.contains(&(e.staff_id, e.workday, e.kind))
                    || (l.approved_at.is_some()
                        && !after_approval::changed_after(l, e.staff_id, e.workday)),
                punch_id,
            }
        })
        .collect();
    let ids = l.paid_people();
    let mut totals = BTreeMap::new();
    let mut timecards: Vec<Timecard> = Vec::new();
    for id in ids {
        let days = days_of(l, id);
        let mut codes_of: Codes = BTreeMap::new();
        for d in &days {
            for (code, label, m) in codes(d) {
                add_code(&mut codes_of, code, label, m, 0);
            }
        }
        // Each person's minutes of a code rounded once; totals add those.
        for (code, (label, m, h)) in codes_of.iter_mut() {
            *h = paid_hours::hundredths(*m);
            add_code(&mut totals, code.clone(), label.clone(), *m, *h);
        }
        let (n, no) = name(id);
        let regular: i64 = days.iter().map(|d| d.regular_minutes).sum();
        let overtime: i64 = days.iter().map(|d| d.overtime_minutes).sum();
        timecards.push(Timecard {
            staff_id: id,
            name: n,
            employee_no: no,
            scheduled_minutes: l
                .shifts
                .iter()
                .filter(|s| s.staff_id == id)
                .map(|s| s.paid_minutes())
                .sum(),
            worked_minutes: regular + overtime,
            regular_minutes: regular,
            overtime_minutes: overtime,
            time_off_minutes: days.iter().map(|d| d.time_off_minutes).sum(),
            by_code: sorted(codes_of),
            open_exceptions: exceptions
                .iter()
                .filter(|e| e.staff_id == id && !e.approved)
                .count() as i64,
            punches: l
                .records
                .iter()
                .filter(|r| r.punch.staff_id == id)
                .map(|r| line(l, r))
                .collect(),
            changed_after_approval: after_approval::person_changed_after(l, id),
        });
    }
    timecards.sort_by_key(|t| t.name.to_lowercase());
    let summary = PeriodSummary {
        people: timecards.len() as i64,
        scheduled_minutes: timecards.iter().map(|t| t.scheduled_minutes).sum(),
        worked_minutes: timecards.iter().map(|t| t.worked_minutes).sum(),
        overtime_minutes: timecards.iter().map(|t| t.overtime_minutes).sum(),
        time_off_minutes: timecards.iter().map(|t| t.time_off_minutes).sum(),
        by_code: sorted(totals),
        exceptions: exceptions.len() as i64,
        open_exceptions: exceptions.iter().filter(|e| !e.approved).count() as i64,
        incidental_overtime_cents: found.iter().map(|e| e.cost_cents).sum(),
    };
    let marks = after_approval::marks(conn, l)?;
    let paid = summary.worked_minutes + summary.time_off_minutes;
    Ok(PayPeriodView {
        after_approval: after_approval::note(l, &marks, paid),
        start: input::format_date(l.start),
        end: input::format_date(l.end()),
        approved_at: l.approved_at.as_deref().map(|a| shown_at(l, a)),
        grace_minutes: l.settings.grace_minutes,
        rounding_label: l.settings.rounding.label().into(),
        exceptions,
        timecards,
        summary,
        people: l
            .people
            .iter()
            .map(|p| PersonChoice {
                id: p.id,
                name: p.name.clone(),
            })
            .collect(),
        punch_count: l.records.len() as i64,
    })
}

//! Rows to punches: a pair row is one punch; single punches are paired per
//! person in time order (an In, then the next Out within 24 hours). An In
//! followed by another In, or an Out with no In before it, stays a punch
//! with its other half missing, for the exceptions to show.

use super::clock;
use super::overnight::Overnight;
use super::{PreviewRow, PunchField, PunchMapping, PunchPreview, RowOutcome};
use crate::attendance::Punch;
use crate::csv_file::Record;
use crate::schedule::time::instant;
use crate::staff::import::dates::{self, DateOrder};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// No shift, however long, is a day: a longer pair is two missed punches.
const LONGEST_MINUTES: i64 = 24 * 60;

struct Cells<'a> {
    row: &'a [String],
    mapping: &'a PunchMapping,
}

impl Cells<'_> {
    fn get(&self, f: PunchField) -> Option<&str> {
        let v = self.row.get(self.mapping.column(f)?)?.trim();
        (!v.is_empty()).then_some(v)
    }
}

/// The parts of a row every shape shares.
struct Common {
    staff_id: i64,
    date: Option<NaiveDate>,
    meal_minutes: i64,
    pay_code: Option<String>,
    cost_centre: Option<String>,
}

/// A single punch waiting for its pair.
struct Single {
    line: i64,
    at: DateTime<Utc>,
    local: NaiveDateTime,
    is_in: bool,
    common: Common,
}

pub fn read(
    records: &[(i64, Record)],
    mapping: &PunchMapping,
    order: DateOrder,
    staff: &HashMap<String, i64>,
    tz: Tz,
    overnight: &Overnight,
) -> PunchPreview {
    let mut rows = Vec::new();
    let mut punches = Vec::new();
    let mut singles = Vec::new();
    let per_punch = mapping.column(PunchField::PunchTime).is_some();
    for (line, record) in records {
        let line = *line;
        let outcome = match record {
            Err(reason) => Err(reason.clone()),
            Ok(row) => {
                let cells = Cells { row, mapping };
                match common(&cells, order, staff) {
                    Err(e) => Err(e),
                    Ok(Err(no)) => Ok(Err(no)),
                    Ok(Ok(c)) => {
                        let staff_id = c.staff_id;
                        let read = if per_punch {
                            single(&cells, line, c, order, tz).map(|s| singles.push(s))
                        } else {
                            pair(&cells, line, c, order, tz, overnight).map(|p| punches.push(p))
                        };
                        read.map(|()| Ok(staff_id))
                    }
                }
            }
        };
        let outcome = match outcome {
            Ok(Ok(staff_id)) => RowOutcome::Matched { staff_id },
            Ok(Err(employee_no)) => RowOutcome::Unmatched { employee_no },
            Err(reason) => RowOutcome::Refused { reason },
        };
        rows.push(PreviewRow { line, outcome });
    }
    punches.extend(pair_singles(singles));
    punches.sort_by_key(|p| (p.staff_id, p.clock_in.or(p.clock_out), p.line));
    PunchPreview { rows, punches }
}

/// The employee (or the unknown number) and the optional cells.
fn common(
    cells: &Cells,
    order: DateOrder,
    staff: &HashMap<String, i64>,
) -> Result<Result<Common, String>, String> {
    let no = cells
        .get(PunchField::EmployeeNo)
        .ok_or("The employee number is empty.")?;
    let Some(staff_id) = super::staff_of(staff, no) else {
        return Ok(Err(no.to_string()));
    };
    let date = match cells.get(PunchField::Date) {
        None => None,
        Some(d) => Some(read_date(d, order)?),
    };
    let meal_minutes = clock::meal_minutes(cells.get(PunchField::MealMinutes).unwrap_or(""))?;
    Ok(Ok(Common {
        staff_id,
        date,
        meal_minutes,
        pay_code: cells.get(PunchField::PayCode).map(str::to_string),
        cost_centre: cells.get(PunchField::CostCentre).map(str::to_string),
    }))
}

fn read_date(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    // A time after the date ("10/31/2026 0:00", as Excel writes dates) is dropped.
    let day = text.split_once(' ').map_or(text, |(d, _)| d);
    let iso = dates::date(day, order)?;
    crate::input::date(&iso).map_err(|_| format!("“{text}” is not a date."))
}

/// A time cell on the row's date (or its own).
fn local(text: &str, date: Option<NaiveDate>, order: DateOrder) -> Result<NaiveDateTime, String> {
    let (own, time) = clock::time(text, order)?;
    let day = own
        .or(date)
        .ok_or_else(|| format!("“{text}” has no date, and no date column is mapped."))?;
    Ok(clock::at(day, time))
}

fn pair(
    cells: &Cells,
    line: i64,
    c: Common,
    order: DateOrder,
    tz: Tz,
    overnight: &Overnight,
) -> Result<Punch, String> {
    let (time_in, time_out) = (
        cells.get(PunchField::TimeIn),
        cells.get(PunchField::TimeOut),
    );
    let start = time_in.map(|t| local(t, c.date, order)).transpose()?;
    let mut end = time_out.map(|t| local(t, c.date, order)).transpose()?;
    if let (Some(s), Some(e), Some(t)) = (start, end.as_mut(), time_out) {
        // An out time without its own date, at or before the in time, is the next morning.
        let own_date = clock::time(t, order).is_ok_and(|(d, _)| d.is_some());
        if !own_date && *e == s {
            return Err(format!(
                "The time out ({}) is the same as the time in.",
                t.trim()
            ));
        }
        if !own_date && *e < s {
            *e += Duration::days(1);
        }
    }
    // A lone out time of a night, on the row's (apply) date: see `overnight`.
    let mut applied = None;
    if let (None, Some(e), Some(t), Some(day)) = (start, end.as_mut(), time_out, c.date) {
        let own_date = clock::time(t, order).is_ok_and(|(d, _)| d.is_some());
        if !own_date {
            *e = clock::at(overnight.out_day(c.staff_id, day, e.time()), e.time());
            applied = Some(day);
        }
    }
    let (clock_in, clock_out) = (start.map(|s| instant(tz, s)), end.map(|e| instant(tz, e)));
    let workday = match (start, end) {
        (Some(s), _) => s.date(),
        (None, Some(e)) => applied.unwrap_or(e.date()),
        (None, None) => return Err("The row has neither a time in nor a time out.".into()),
    };
    if let (Some(i), Some(o)) = (clock_in, clock_out) {
        let minutes = (o - i).num_minutes();
        if minutes <= 0 {
            return Err(format!(
                "The time out ({}) is not after the time in ({}).",
                time_out.unwrap_or(""),
                time_in.unwrap_or("")
            ));
        }
        if minutes > LONGEST_MINUTES {
            return Err(format!(
                "In {} to out {} is longer than 24 hours; check the dates.",
                time_in.unwrap_or(""),
                time_out.unwrap_or("")
            ));
        }
        if c.meal_minutes >= minutes {
            return Err(format!(
                "The meal break ({} min) is as long as the shift ({minutes} min).",
                c.meal_minutes
            ));
        }
    }
    Ok(Punch {
        staff_id: c.staff_id,
        workday,
        clock_in,
        clock_out,
        meal_minutes: c.meal_minutes,
        pay_code: c.pay_code,
        cost_centre: c.cost_centre,
        line,
    })
}

fn single(cells: &Cells, line: i64, c: Common, order: DateOrder, tz: Tz) -> Result<Single, String> {
    let text = cells
        .get(PunchField::PunchTime)
        .ok_or("The punch time is empty.")?;
    let direction = cells
        .get(PunchField::Direction)
        .ok_or("The In/Out cell is empty.")?;
    let is_in = clock::direction(direction)?;
    let local = local(text, c.date, order)?;
    Ok(Single {
        line,
        at: instant(tz, local),
        local,
        is_in,
        common: c,
    })
}

fn pair_singles(mut singles: Vec<Single>) -> Vec<Punch> {
    singles.sort_by_key(|s| (s.common.staff_id, s.at, !s.is_in, s.line));
    // A double swipe (same person, minute and direction) is one punch.
    singles.dedup_by(|b, a| {
        a.common.staff_id == b.common.staff_id && a.at == b.at && a.is_in == b.is_in
    });
    let half = |s: Single, is_in: bool| Punch {
        staff_id: s.common.staff_id,
        workday: s.local.date(),
        clock_in: is_in.then_some(s.at),
        clock_out: (!is_in).then_some(s.at),
        meal_minutes: 0,
        pay_code: s.common.pay_code,
        cost_centre: s.common.cost_centre,
        line: s.line,
    };
    let mut out = Vec::new();
    let mut open: Option<Single> = None;
    for s in singles {
        if open
            .as_ref()
            .is_some_and(|o| o.common.staff_id != s.common.staff_id)
        {
            out.extend(open.take().map(|o| half(o, true)));
        }
        match (open.take(), s.is_in) {
            (Some(o), true) => {
                out.push(half(o, true));
                open = Some(s);
            }
            (None, true) => open = Some(s),
            (Some(o), false) if (s.at - o.at).num_minutes() <= LONGEST_MINUTES => {
                out.push(Punch {
                    staff_id: o.common.staff_id,
                    workday: o.local.date(),
                    clock_in: Some(o.at),
                    clock_out: Some(s.at),
                    meal_minutes: o.common.meal_minutes.max(s.common.meal_minutes),
                    pay_code: o.common.pay_code.or(s.common.pay_code),
                    cost_centre: o.common.cost_centre.or(s.common.cost_centre),
                    line: o.line,
                });
            }
            (Some(o), false) => {
                out.push(half(o, true));
                out.push(half(s, false));
            }
            (None, false) => out.push(half(s, false)),
        }
    }
    out.extend(open.map(|o| half(o, true)));
    out
}

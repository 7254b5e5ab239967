//! Which column holds what: guessed from the header words each time-clock
//! system uses, then from the values (a column of times, of In/Out, of
//! dates), and mappable by the manager.

use super::clock;
use crate::error::{AppError, AppResult};
use crate::staff::import::dates::{self, DateOrder};
use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum! {
    pub enum PunchField {
        EmployeeNo = ("employee_no", "Employee number"),
        Date = ("date", "Date"),
        TimeIn = ("time_in", "Time in"),
        TimeOut = ("time_out", "Time out"),
        PunchTime = ("punch_time", "Punch time"),
        Direction = ("direction", "In / Out"),
        PayCode = ("pay_code", "Pay code"),
        CostCentre = ("cost_centre", "Cost centre / job"),
        MealMinutes = ("meal_minutes", "Meal break"),
    }
}

/// How the file is read: which column is which (None: not imported).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PunchMapping {
    pub has_header: bool,
    pub columns: Vec<Option<PunchField>>,
    /// How `03/04/2026` reads when the date column cannot tell.
    pub date_order: DateOrder,
}

/// Header words (letters and digits, lower case) by field, as Kronos/UKG,
/// Dayforce, Workday and ADP name them.
const HEADERS: &[(PunchField, &[&str])] = &[
    (
        PunchField::EmployeeNo,
        &[
            "employeeid",
            "employeenumber",
            "employeeno",
            "empno",
            "empid",
            "employee",
            "personnumber",
            "personnum",
            "employeexrefcode",
            "xrefcode",
            "workerid",
            "fileno",
            "filenumber",
            "badge",
            "badgenumber",
            "associateid",
        ],
    ),
    (
        PunchField::Date,
        &[
            "date",
            "workdate",
            "punchdate",
            "shiftdate",
            "applydate",
            "businessdate",
            "day",
            "workday",
        ],
    ),
    (
        PunchField::TimeIn,
        &[
            "in",
            "timein",
            "clockin",
            "inpunch",
            "punchin",
            "intime",
            "starttime",
            "start",
            "actualin",
            "inpunchtime",
        ],
    ),
    (
        PunchField::TimeOut,
        &[
            "out",
            "timeout",
            "clockout",
            "outpunch",
            "punchout",
            "outtime",
            "endtime",
            "end",
            "actualout",
            "outpunchtime",
        ],
    ),
    (
        PunchField::PunchTime,
        &[
            "punchtime",
            "punch",
            "time",
            "punchdatetime",
            "timestamp",
            "punchedat",
            "clocktime",
        ],
    ),
    (
        PunchField::Direction,
        &[
            "inout",
            "direction",
            "punchtype",
            "type",
            "punchdirection",
            "inoutindicator",
            "event",
        ],
    ),
    (
        PunchField::PayCode,
        &[
            "paycode",
            "paycodename",
            "earningcode",
            "earncode",
            "timecode",
            "timetype",
            "timeentrycode",
        ],
    ),
    (
        PunchField::CostCentre,
        &[
            "costcenter",
            "costcentre",
            "job",
            "jobcode",
            "department",
            "dept",
            "laborlevel",
            "laboraccount",
            "orgunit",
            "location",
        ],
    ),
    (
        PunchField::MealMinutes,
        &[
            "meal",
            "mealminutes",
            "mealmins",
            "mealbreak",
            "break",
            "breakminutes",
            "lunch",
            "unpaidbreak",
            // Header keys keep letters and digits only: "Meal (min)", "Meal min".
            "mealmin",
            "breakmin",
            "lunchminutes",
        ],
    ),
];

fn key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn by_header(header: &str) -> Option<PunchField> {
    let k = key(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&k.as_str()))
        .map(|(f, _)| *f)
}

/// A time with a colon: `1001` reads as 10:01 but is far likelier an employee.
fn is_time(v: &str) -> bool {
    v.contains(':') && clock::time(v, DateOrder::MonthFirst).is_ok()
}

fn is_date(v: &str) -> bool {
    v.contains(['/', '-'])
        && [DateOrder::MonthFirst, DateOrder::DayFirst]
            .iter()
            .any(|o| dates::date(v, *o).is_ok_and(|d| crate::input::date(&d).is_ok()))
}

/// The mapping a file most likely needs. Unnamed columns are given by their
/// values: the first two columns of times are in and out (or one alone,
/// the punch time), In/Out words the direction, dates the date.
pub fn guess(records: &[Vec<String>], time_zone: &str) -> PunchMapping {
    let first = records.first().cloned().unwrap_or_default();
    let named: Vec<Option<PunchField>> = first.iter().map(|h| by_header(h)).collect();
    // A first row of words over rows of times is a header, named or not.
    let data = |row: &[String]| row.iter().any(|v| is_time(v) || is_date(v));
    let has_header = !data(&first)
        && (named.iter().any(Option::is_some) || records.get(1).is_some_and(|r| data(r)));
    let mut columns = if has_header {
        let mut seen = Vec::new();
        named
            .into_iter()
            .map(|f| f.filter(|f| !seen.contains(f)).inspect(|f| seen.push(*f)))
            .collect()
    } else {
        vec![None; first.len()]
    };
    let rows = &records[usize::from(has_header)..];
    let width = rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(columns.len());
    columns.resize(width, None);
    let all = |i: usize, f: &dyn Fn(&str) -> bool| {
        let values: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.get(i).map(|v| v.trim()))
            .filter(|v| !v.is_empty())
            .collect();
        !values.is_empty() && values.iter().all(|v| f(v))
    };
    let mut times = Vec::new();
    for i in 0..width {
        if columns[i].is_some() {
            continue;
        }
        let taken = |c: &[Option<PunchField>], f| c.contains(&Some(f));
        if all(i, &|v| clock::direction(v).is_ok()) && !taken(&columns, PunchField::Direction) {
            columns[i] = Some(PunchField::Direction);
        } else if all(i, &is_date) && !all(i, &is_time) && !taken(&columns, PunchField::Date) {
            columns[i] = Some(PunchField::Date);
        } else if all(i, &is_time) {
            times.push(i);
        }
    }
    let has = |c: &[Option<PunchField>], f| c.contains(&Some(f));
    let per_punch = has(&columns, PunchField::Direction) || has(&columns, PunchField::PunchTime);
    for i in times {
        let next = if per_punch {
            [PunchField::PunchTime].as_slice()
        } else {
            [PunchField::TimeIn, PunchField::TimeOut].as_slice()
        }
        .iter()
        .copied()
        .find(|f| !has(&columns, *f));
        columns[i] = next;
    }
    PunchMapping {
        has_header,
        columns,
        date_order: dates::default_order(time_zone),
    }
}

impl PunchMapping {
    pub fn column(&self, field: PunchField) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(field))
    }

    /// Whether the mapping can read a punch: an employee, and in + out or
    /// a punch time + direction; each field once.
    pub fn check(&self) -> AppResult<()> {
        let refuse = |m: &str| Err(AppError::field("mapping", m));
        for f in PunchField::ALL {
            if self.columns.iter().filter(|c| **c == Some(*f)).count() > 1 {
                return refuse(&format!(
                    "Two columns are mapped to “{}”; map it once.",
                    f.label()
                ));
            }
        }
        let has = |f| self.column(f).is_some();
        if !has(PunchField::EmployeeNo) {
            return refuse("Map the column with the employee number.");
        }
        let pairs = has(PunchField::TimeIn) || has(PunchField::TimeOut);
        let single = has(PunchField::PunchTime) || has(PunchField::Direction);
        match (pairs, single) {
            (true, true) => refuse(
                "Map either a time in and a time out, or a punch time with In/Out — not both.",
            ),
            (false, false) => refuse(
                "Map the time in and time out columns, or a punch time and its In/Out column.",
            ),
            (true, false) if !(has(PunchField::TimeIn) && has(PunchField::TimeOut)) => {
                refuse("Map both the time in and the time out column.")
            }
            (false, true) if !(has(PunchField::PunchTime) && has(PunchField::Direction)) => {
                refuse("Map both the punch time and its In/Out column.")
            }
            _ => Ok(()),
        }
    }
}

//! The twelve months of a fiscal year, and the ways finance names a month.
//!
//! A fiscal year is named by the calendar year it ends in (the year starting
//! July 2026 is FY2027; one starting January 2026 is FY2026), as most US
//! hospitals do. Months are addressed by their index in the year, 0 to 11.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

const NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl YearMonth {
    pub fn of(date: NaiveDate) -> Self {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn plus(self, months: i64) -> Self {
        let index = self.year as i64 * 12 + (self.month as i64 - 1) + months;
        YearMonth {
            year: index.div_euclid(12) as i32,
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// Months from `self` to `later`.
    pub fn until(self, later: YearMonth) -> i64 {
        (later.year as i64 - self.year as i64) * 12 + later.month as i64 - self.month as i64
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a real month")
    }

    pub fn last_day(self) -> NaiveDate {
        self.plus(1).first_day().pred_opt().expect("a real day")
    }

    pub fn days(self) -> i64 {
        self.last_day().day() as i64
    }

    /// "2026-07".
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// "Jul 2026".
    pub fn label(self) -> String {
        format!("{} {}", &NAMES[self.month as usize - 1][..3], self.year)
    }

    /// "2026-07" back into a month.
    pub fn from_code(code: &str) -> Option<Self> {
        let (y, m) = code.split_once('-')?;
        let ym = YearMonth {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        (y.len() == 4 && m.len() == 2 && (1..=12).contains(&ym.month)).then_some(ym)
    }
}

/// One month of a fiscal year, as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthInfo {
    pub index: i64,
    /// "2026-07".
    pub month: String,
    /// "Jul 2026".
    pub label: String,
    pub days: i64,
}

/// The fiscal year starting in `first`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year {
    pub first: YearMonth,
}

impl Year {
    pub fn month(self, index: i64) -> YearMonth {
        self.first.plus(index)
    }

    pub fn last(self) -> YearMonth {
        self.month(11)
    }

    /// "FY2027": the calendar year the fiscal year ends in.
    pub fn label(self) -> String {
        format!("FY{}", self.last().year)
    }

    pub fn index_of(self, ym: YearMonth) -> Option<i64> {
        let i = self.first.until(ym);
        (0..12).contains(&i).then_some(i)
    }

    pub fn index_of_date(self, date: NaiveDate) -> Option<i64> {
        self.index_of(YearMonth::of(date))
    }

    pub fn days(self) -> [i64; 12] {
        std::array::from_fn(|i| self.month(i as i64).days())
    }

    pub fn months(self) -> Vec<MonthInfo> {
        (0..12)
            .map(|i| {
                let m = self.month(i);
                MonthInfo {
                    index: i,
                    month: m.code(),
                    label: m.label(),
                    days: m.days(),
                }
            })
            .collect()
    }

    /// "Jul 2026 – Jun 2027".
    pub fn span(self) -> String {
        format!("{} – {}", self.first.label(), self.last().label())
    }
}

/// A period as finance exports write it: `2026-07`, `2026-07-31` (a date in
/// the month), `202607`, `07/2026`, `7/2026`, `2026/07`, `Jul 2026`,
/// `July 2026`, `Jul-2026`, `Jul-26` (a spreadsheet's month-year: a month
/// name with two digits is always a year, 20xx), and a date in the month
/// `7/31/2026` or `31/07/2026` when the day tells which is the month.
///
/// Refused because a manager could read them two ways: `07/26` (July 2026,
/// or 26 July?) and `07/08/2026` (8 July or 7 August?).
pub fn parse_period(text: &str) -> Result<YearMonth, String> {
    let t = text.trim();
    let refuse = |why: &str| {
        Err(format!(
            "“{t}” is not a period{why}; write it like 2026-07, 07/2026 or Jul 2026."
        ))
    };
    if t.is_empty() {
        return Err("The period is empty.".into());
    }
    let year = |y: &str| -> Option<i32> {
        (y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
            .then(|| y.parse().ok())
            .flatten()
    };
    let month_number = |m: &str| -> Option<u32> {
        ((1..=2).contains(&m.len()) && m.chars().all(|c| c.is_ascii_digit()))
            .then(|| m.parse().ok())
            .flatten()
    };
    let found = |y: i32, m: u32| {
        if (1..=12).contains(&m) {
            Ok(YearMonth { year: y, month: m })
        } else {
            Err(format!("“{t}” has no month {m}; months run from 1 to 12."))
        }
    };
    if let Some((y, rest)) = t.split_once('-') {
        if let Some(y) = year(y) {
            // 2026-07 or 2026-07-31.
            let (m, day) = rest.split_once('-').unwrap_or((rest, ""));
            if m.len() != 2 {
                return refuse("");
            }
            let Some(m) = month_number(m) else {
                return refuse("");
            };
            if !day.is_empty() {
                return match crate::input::date(t) {
                    Ok(d) => Ok(YearMonth::of(d)),
                    Err(_) => refuse(" (the date does not exist)"),
                };
            }
            return found(y, m);
        }
    }
    if t.len() == 6 && t.chars().all(|c| c.is_ascii_digit()) {
        // 202607, as ledgers key their periods.
        return match (year(&t[..4]), month_number(&t[4..])) {
            (Some(y), Some(m)) => found(y, m),
            _ => refuse(""),
        };
    }
    // European and SAP exports: a dotted date is always day first
    // (31.01.2027), and a dotted period month first (01.2027).
    let dotted: Vec<&str> = t.split('.').map(str::trim).collect();
    match dotted[..] {
        [d, m, y] if year(y).is_some() => {
            return match (month_number(d), month_number(m), year(y)) {
                (Some(d), Some(m), Some(y)) => match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(date) => Ok(YearMonth::of(date)),
                    None => refuse(" (the date does not exist)"),
                },
                _ => refuse(""),
            };
        }
        [m, y] if year(y).is_some() && month_number(m).is_some() => {
            return found(
                year(y).unwrap_or_default(),
                month_number(m).unwrap_or_default(),
            );
        }
        _ => {}
    }
    let parts: Vec<&str> = t.split('/').map(str::trim).collect();
    match parts[..] {
        [_] => {}
        [y, m] if year(y).is_some() && m.len() == 2 => {
            return match (year(y), month_number(m)) {
                (Some(y), Some(m)) => found(y, m),
                _ => refuse(""),
            };
        }
        [m, y] => {
            if y.len() == 2 {
                return refuse(" (write the year in full)");
            }
            return match (month_number(m), year(y)) {
                (Some(m), Some(y)) => found(y, m),
                _ => refuse(""),
            };
        }
        [a, b, y] => {
            let (Some(a), Some(b), Some(y)) = (month_number(a), month_number(b), year(y)) else {
                return refuse("");
            };
            // A date in the month: the part over 12 is the day.
            let month = match (a, b) {
                (a, b) if a > 12 && b > 12 => return refuse(""),
                (a, b) if a == b || b > 12 => a,
                (a, b) if a > 12 => b,
                _ => return refuse(" (the day and the month could be either way round)"),
            };
            let day = if month == a { b } else { a };
            return match NaiveDate::from_ymd_opt(y, month, day) {
                Some(d) => Ok(YearMonth::of(d)),
                None => refuse(" (the date does not exist)"),
            };
        }
        _ => return refuse(""),
    }
    let (name, y) = match t.split_once([' ', '-']) {
        Some((n, y)) => (n, y.trim()),
        None => return refuse(""),
    };
    // "Jul-26": a spreadsheet's month-year, two digits are the year.
    let short_year = (y.len() == 2 && y.chars().all(|c| c.is_ascii_digit()))
        .then(|| 2000 + y.parse::<i32>().unwrap_or(0));
    let Some(y) = year(y).or(short_year) else {
        return refuse("");
    };
    let name = name.trim_end_matches('.').to_lowercase();
    let position = NAMES.iter().position(|full| {
        let full = full.to_lowercase();
        name == full
            || (name.len() == 3 && full.starts_with(&name))
            || (name == "sept" && full == "september")
    });
    match position {
        Some(i) => Ok(YearMonth {
            year: y,
            month: i as u32 + 1,
        }),
        None => refuse(" (unknown month name)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn a_dotted_date_is_day_first_and_a_dotted_period_month_first() {
        assert_eq!(parse_period("31.01.2027"), Ok(ym(2027, 1)));
        assert_eq!(parse_period("01.02.2027"), Ok(ym(2027, 2)), "1 February");
        assert_eq!(parse_period("01.2027"), Ok(ym(2027, 1)));
        assert!(parse_period("31.02.2027")
            .unwrap_err()
            .contains("does not exist"));
        assert!(parse_period("13.2027").is_err());
    }

    #[test]
    fn every_accepted_period_form() {
        for (text, month) in [
            ("2026-07", ym(2026, 7)),
            ("2026-07-31", ym(2026, 7)),
            ("07/2026", ym(2026, 7)),
            ("7/2026", ym(2026, 7)),
            ("Jul 2026", ym(2026, 7)),
            ("July 2026", ym(2026, 7)),
            ("JUL 2026", ym(2026, 7)),
            ("jul-2026", ym(2026, 7)),
            ("Sept 2026", ym(2026, 9)),
            ("Dec. 2026", ym(2026, 12)),
            ("  2027-01 ", ym(2027, 1)),
            ("Jul-26", ym(2026, 7)),
            ("jul 26", ym(2026, 7)),
            ("Sept-27", ym(2027, 9)),
            ("202607", ym(2026, 7)),
            ("2026/07", ym(2026, 7)),
            ("7/31/2026", ym(2026, 7)),
            ("31/07/2026", ym(2026, 7)),
            ("07/07/2026", ym(2026, 7)),
            ("02/29/2028", ym(2028, 2)),
        ] {
            assert_eq!(parse_period(text), Ok(month), "{text:?} is a period");
        }
    }

    #[test]
    fn every_refused_period_form_says_why() {
        for (text, reason) in [
            ("", "empty"),
            ("13/2026", "no month 13"),
            ("2026-00", "no month 0"),
            ("07/26", "year in full"),
            ("Jul 6", "not a period"),
            ("Jux 2026", "unknown month name"),
            ("202613", "no month 13"),
            ("2026/7", "not a period"),
            ("07/08/2026", "either way round"),
            ("02/30/2026", "does not exist"),
            ("13/13/2026", "not a period"),
            ("2026-7", "not a period"),
            ("2026-02-30", "does not exist"),
            ("July", "not a period"),
            ("last month", "not a period"),
        ] {
            let err = parse_period(text).unwrap_err();
            assert!(err.contains(reason), "{text:?} refused: {err}");
        }
    }

    #[test]
    fn fiscal_year_months_and_name() {
        // Starting July 2026: month 0 is Jul 2026, month 11 Jun 2027; FY2027.
        let fy = Year { first: ym(2026, 7) };
        assert_eq!(fy.label(), "FY2027");
        assert_eq!(fy.last(), ym(2027, 6));
        assert_eq!(fy.index_of(ym(2027, 2)), Some(7));
        assert_eq!(
            fy.index_of(ym(2026, 6)),
            None,
            "the month before is outside"
        );
        assert_eq!(fy.index_of(ym(2027, 7)), None, "the month after is outside");
        assert_eq!(fy.days().iter().sum::<i64>(), 365);
        assert_eq!(fy.span(), "Jul 2026 – Jun 2027");
        // A January year is named by its own year; 2028 is a leap year.
        let fy = Year { first: ym(2028, 1) };
        assert_eq!(fy.label(), "FY2028");
        assert_eq!(fy.days()[1], 29);
    }
}

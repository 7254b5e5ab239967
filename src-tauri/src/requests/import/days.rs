//! A sign-up sheet's day headers: "2027-01-12", "1/12", "12/01/2027",
//! "Tue 12 Jan", "Jan 12th", "12-Jan", "Tue 12" or just "12".
//!
//! The sheet is for one schedule period, so a header need only say enough
//! to pick one day of it. Headers are read left to right and each is the
//! first day after the previous column that fits what it says (so "12" in
//! a six-week period that holds two twelfths is the one after the column
//! before it). A header with a year names one date, inside the period or
//! not; a weekday it carries must agree with the date.

use crate::input::weekday_name;
use crate::staff::import::dates::DateOrder;
use chrono::{Datelike, NaiveDate, Weekday};

/// What a header says of its day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DayHeader {
    weekday: Option<Weekday>,
    day: u32,
    month: Option<u32>,
    year: Option<i32>,
}

/// Where a header's day falls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Placed {
    Day(NaiveDate),
    /// A day, but not one of the period's.
    Outside,
    /// It cannot be any day: the reason.
    Wrong(String),
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn weekday(word: &str) -> Option<Weekday> {
    use Weekday::*;
    let days = [
        ("mon", Mon),
        ("tue", Tue),
        ("wed", Wed),
        ("thu", Thu),
        ("fri", Fri),
        ("sat", Sat),
        ("sun", Sun),
    ];
    let long = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    days.iter().zip(long).find_map(|(&(short, d), long)| {
        // "tue", "tues", "tuesday"; also "th" and "thur(s)" for Thursday.
        let fits = word.len() >= 2 && long.starts_with(word) && word.starts_with(&short[..2]);
        fits.then_some(d)
    })
}

fn month(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| word.len() >= 3 && word.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// What `text` says of a day, or `None` when it is not a day header (a
/// name column, "Notes", "Total").
pub(super) fn read(text: &str, order: DateOrder) -> Option<DayHeader> {
    let folded = crate::search_text::fold(text);
    let mut numbers: Vec<(i64, usize)> = Vec::new();
    let mut weekday_word = None;
    let mut month_word = None;
    for token in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            let rest = &token[digits.len()..];
            if !matches!(rest, "" | "st" | "nd" | "rd" | "th") || digits.len() > 4 {
                return None;
            }
            numbers.push((digits.parse().ok()?, digits.len()));
        } else if let Some(d) = weekday(token) {
            if weekday_word.replace(d).is_some() {
                return None;
            }
        } else if let Some(m) = month(token) {
            if month_word.replace(m).is_some() {
                return None;
            }
        } else {
            return None;
        }
    }
    let year = |(n, len): (i64, usize)| match len {
        4 => Some(n as i32),
        2 => Some(2000 + n as i32),
        _ => None,
    };
    let small = |n: i64| u32::try_from(n).ok();
    let (day, month, year) = match (numbers.as_slice(), month_word) {
        ([d], None) => (small(d.0)?, None, None),
        ([d], Some(m)) => (small(d.0)?, Some(m), None),
        ([a, b], Some(m)) if b.1 == 4 || b.0 > 31 => (small(a.0)?, Some(m), year(*b)),
        ([a, b], None) => match order {
            DateOrder::MonthFirst => (small(b.0)?, Some(small(a.0)?), None),
            DateOrder::DayFirst => (small(a.0)?, Some(small(b.0)?), None),
        },
        ([y, m, d], None) if y.1 == 4 => (small(d.0)?, Some(small(m.0)?), Some(y.0 as i32)),
        ([a, b, y], None) if y.1 == 4 || y.1 == 2 => match order {
            DateOrder::MonthFirst => (small(b.0)?, Some(small(a.0)?), year(*y)),
            DateOrder::DayFirst => (small(a.0)?, Some(small(b.0)?), year(*y)),
        },
        _ => return None,
    };
    let fits = (1..=31).contains(&day) && month.is_none_or(|m| (1..=12).contains(&m));
    fits.then_some(DayHeader {
        weekday: weekday_word,
        day,
        month,
        year,
    })
}

impl DayHeader {
    /// The day this header names in `from..=to`, the first after `after`.
    pub(super) fn place(&self, after: Option<NaiveDate>, from: NaiveDate, to: NaiveDate) -> Placed {
        if let (Some(y), Some(m)) = (self.year, self.month) {
            let Some(date) = NaiveDate::from_ymd_opt(y, m, self.day) else {
                return Placed::Wrong("is not a date".into());
            };
            if let Some(w) = self.weekday.filter(|w| *w != date.weekday()) {
                return Placed::Wrong(format!(
                    "says {}, but {} is a {}",
                    weekday_name(w),
                    date.format("%-d %b %Y"),
                    weekday_name(date.weekday())
                ));
            }
            return if (from..=to).contains(&date) {
                Placed::Day(date)
            } else {
                Placed::Outside
            };
        }
        let fits = |d: &NaiveDate| {
            d.day() == self.day
                && self.month.is_none_or(|m| d.month() == m)
                && self.weekday.is_none_or(|w| d.weekday() == w)
        };
        let start = after.map_or(from, |a| a.succ_opt().unwrap_or(a));
        match start.iter_days().take_while(|d| *d <= to).find(fits) {
            Some(d) => Placed::Day(d),
            // A weekday that no such day of the period has is a mistake in
            // the sheet; a day the period does not reach is a spare column.
            None if self.weekday.is_some()
                && from
                    .iter_days()
                    .take_while(|d| *d <= to)
                    .any(|d| d.day() == self.day && self.month.is_none_or(|m| d.month() == m)) =>
            {
                Placed::Wrong(format!(
                    "says {}, but no such day of the period is one",
                    weekday_name(self.weekday.unwrap_or(Weekday::Mon))
                ))
            }
            None => Placed::Outside,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The sample's draft period: Mon 11 Jan to Sun 7 Feb 2027.
    fn placed(text: &str, order: DateOrder, after: Option<&str>) -> Placed {
        let header = read(text, order).unwrap_or_else(|| panic!("{text} is a day"));
        header.place(after.map(d), d("2027-01-11"), d("2027-02-07"))
    }

    #[test]
    fn every_common_form_of_a_day_header_is_read() {
        let us = DateOrder::MonthFirst;
        for text in [
            "2027-01-12",
            "1/12",
            "01/12/2027",
            "1/12/27",
            "Tue 12 Jan",
            "Tuesday, January 12th",
            "Jan 12",
            "12-Jan",
            "12-Jan-2027",
            "Tue 12",
            "12",
            "Tue 1/12",
        ] {
            assert_eq!(
                placed(text, us, None),
                Placed::Day(d("2027-01-12")),
                "{text}"
            );
        }
        assert_eq!(
            placed("12/01/2027", DateOrder::DayFirst, None),
            Placed::Day(d("2027-01-12"))
        );
        assert_eq!(
            placed("12.01.", DateOrder::DayFirst, None),
            Placed::Day(d("2027-01-12"))
        );
    }

    #[test]
    fn words_that_are_not_days_are_not_day_headers() {
        for text in [
            "Name",
            "Employee no",
            "Notes",
            "Total",
            "Week 2",
            "RN",
            "",
            "Requests for 4 West, 11 Jan – 7 Feb 2027",
            "0",
            "32",
            "13/13",
        ] {
            assert_eq!(read(text, DateOrder::MonthFirst), None, "{text}");
        }
    }

    #[test]
    fn a_day_of_the_month_alone_is_the_first_after_the_column_before() {
        let us = DateOrder::MonthFirst;
        assert_eq!(placed("20", us, None), Placed::Day(d("2027-01-20")));
        // 11 Jan then 11 Feb? The period ends 7 Feb: 11 is only 11 Jan.
        assert_eq!(placed("5", us, None), Placed::Day(d("2027-02-05")));
        assert_eq!(
            placed("1", us, Some("2027-01-31")),
            Placed::Day(d("2027-02-01"))
        );
        assert_eq!(placed("8", us, Some("2027-02-07")), Placed::Outside);
    }

    #[test]
    fn a_weekday_that_disagrees_with_the_date_is_wrong() {
        let us = DateOrder::MonthFirst;
        let Placed::Wrong(why) = placed("Tue 13 Jan 2027", us, None) else {
            panic!("13 Jan 2027 is a Wednesday");
        };
        assert!(why.contains("Wednesday"), "{why}");
        assert!(matches!(placed("Mon 13", us, None), Placed::Wrong(_)));
        assert_eq!(placed("Wed 13", us, None), Placed::Day(d("2027-01-13")));
    }

    #[test]
    fn a_date_outside_the_period_is_outside() {
        let us = DateOrder::MonthFirst;
        assert_eq!(placed("2027-02-08", us, None), Placed::Outside);
        assert_eq!(placed("2027-01-10", us, None), Placed::Outside);
        assert_eq!(placed("2027-01-11", us, None), Placed::Day(d("2027-01-11")));
        assert_eq!(placed("2027-02-07", us, None), Placed::Day(d("2027-02-07")));
        assert!(matches!(placed("2027-02-30", us, None), Placed::Wrong(_)));
    }
}

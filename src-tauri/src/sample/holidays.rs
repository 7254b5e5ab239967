//! The sample department's holidays: the US holidays a hospital department
//! commonly observes, for the year before, the year of and the year after
//! the sample's today, so its budget year and both schedule periods have
//! theirs. A hospital works every day, so a holiday is the day itself (the
//! day its differential is paid), not a weekday "observed" in its place.

use crate::error::AppResult;
use crate::input::format_date;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rusqlite::{params, Transaction};

/// The holidays of `year`, in date order.
pub fn us_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let date = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("a real date");
    let nth = |m, weekday, n| {
        NaiveDate::from_weekday_of_month_opt(year, m, weekday, n).expect("every month has four")
    };
    // The last Monday of May: the first Monday of June, a week back.
    let memorial = nth(6, Weekday::Mon, 1) - Duration::days(7);
    vec![
        (date(1, 1), "New Year's Day"),
        (nth(1, Weekday::Mon, 3), "Martin Luther King Jr. Day"),
        (memorial, "Memorial Day"),
        (date(6, 19), "Juneteenth"),
        (date(7, 4), "Independence Day"),
        (nth(9, Weekday::Mon, 1), "Labor Day"),
        (nth(11, Weekday::Thu, 4), "Thanksgiving Day"),
        (date(12, 25), "Christmas Day"),
    ]
}

pub fn fill(tx: &Transaction, today: NaiveDate) -> AppResult<()> {
    let mut insert = tx.prepare("INSERT OR REPLACE INTO holiday (date, name) VALUES (?1, ?2)")?;
    for year in today.year() - 1..=today.year() + 1 {
        for (day, name) in us_holidays(year) {
            insert.execute(params![format_date(day), name])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(year: i32) -> Vec<String> {
        us_holidays(year)
            .into_iter()
            .map(|(d, _)| format_date(d))
            .collect()
    }

    #[test]
    fn the_movable_holidays_fall_on_their_weekdays() {
        assert_eq!(
            dates(2026),
            [
                "2026-01-01",
                "2026-01-19",
                "2026-05-25",
                "2026-06-19",
                "2026-07-04",
                "2026-09-07",
                "2026-11-26",
                "2026-12-25"
            ]
        );
        // 2027: May has five Mondays (31 May), Thanksgiving on the 25th.
        assert_eq!(
            dates(2027),
            [
                "2027-01-01",
                "2027-01-18",
                "2027-05-31",
                "2027-06-19",
                "2027-07-04",
                "2027-09-06",
                "2027-11-25",
                "2027-12-25"
            ]
        );
    }
}

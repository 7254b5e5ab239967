//! Dates as HR exports write them, read in the order their column shows.
//!
//! `03/04/2019` is 4 March in a US export and 3 April in a UK one. A single
//! value cannot tell, but a column can: one `25/03/2019` makes the whole
//! column day-first, one `03/25/2019` month-first. When no value tells, the
//! manager is asked in the preview (never guessed silently); a column with
//! both shapes is refused, since none of its dates can be trusted.
//! Oracle/PeopleSoft's `04-MAR-2019` and `04-Mar-19` are read too.

use crate::text_enum::text_enum;
use chrono::NaiveDate;

text_enum! {
    pub enum DateOrder {
        MonthFirst = ("month_first", "Month first (03/04/2019 is March 4)"),
        DayFirst = ("day_first", "Day first (03/04/2019 is 3 April)"),
    }
}

/// What one date column's values say about their order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnOrder {
    /// The values show it (or no value needs it).
    Known(DateOrder),
    /// Every slash date could be either; the example is one of them.
    Unknown(String),
    /// A day-first and a month-first example: the column is refused.
    Mixed(String, String),
}

/// Day-or-month, day-or-month, year of a `NN/NN/YYYY` value.
fn slash_parts(text: &str) -> Option<(u32, u32, &str)> {
    let parts: Vec<&str> = text.trim().split('/').collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
        || parts[0].len() > 2
        || parts[1].len() > 2
    {
        return None;
    }
    Some((parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2]))
}

/// The order of a column from all its values.
pub fn column_order<'a>(values: impl Iterator<Item = &'a str>) -> ColumnOrder {
    let (mut day_first, mut month_first, mut either) = (None, None, None);
    for v in values {
        let Some((a, b, _)) = slash_parts(v) else {
            continue;
        };
        let v = v.trim().to_string();
        if a > 12 {
            day_first.get_or_insert(v);
        } else if b > 12 {
            month_first.get_or_insert(v);
        } else if a != b {
            either.get_or_insert(v);
        }
    }
    match (day_first, month_first, either) {
        (Some(d), Some(m), _) => ColumnOrder::Mixed(d, m),
        (Some(_), None, _) => ColumnOrder::Known(DateOrder::DayFirst),
        (None, Some(_), _) => ColumnOrder::Known(DateOrder::MonthFirst),
        (None, None, Some(e)) => ColumnOrder::Unknown(e),
        (None, None, None) => ColumnOrder::Known(DateOrder::MonthFirst),
    }
}

/// The order a department's exports most likely use before the manager
/// says otherwise: month first in the United States, day first elsewhere.
pub fn default_order(time_zone: &str) -> DateOrder {
    let us = time_zone.starts_with("America/") || time_zone.starts_with("US/");
    if us || time_zone == "Pacific/Honolulu" {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `04-MAR-2019`, `4-Mar-19`: Oracle's DD-MON-YYYY and DD-MON-RR. A
/// two-digit year follows Oracle's RR rule (00–49 → 2000s, 50–99 → 1900s),
/// which is how these exports were written.
fn day_month_name(text: &str) -> Option<Result<NaiveDate, String>> {
    let parts: Vec<&str> = text.split('-').collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if !m.chars().all(|c| c.is_ascii_alphabetic()) || m.len() < 3 {
        return None;
    }
    let month = MONTHS
        .iter()
        .position(|name| m.to_lowercase().starts_with(name))? as u32
        + 1;
    let bad = || Err(format!("“{text}” is not a valid date."));
    let (Ok(day), Ok(year)) = (d.parse::<u32>(), y.parse::<i32>()) else {
        return Some(bad());
    };
    let year = match y.len() {
        4 => year,
        2 if year < 50 => 2000 + year,
        2 => 1900 + year,
        _ => return Some(bad()),
    };
    Some(NaiveDate::from_ymd_opt(year, month, day).map_or_else(bad, Ok))
}

/// A date cell as `YYYY-MM-DD`, slash dates read in `order`. Anything
/// else is left for the form's date rule to refuse, except a two-digit
/// year after slashes, which is ambiguous.
pub fn date(text: &str, order: DateOrder) -> Result<String, String> {
    let text = text.trim();
    if let Some(d) = day_month_name(text) {
        return d.map(crate::input::format_date);
    }
    if !text.contains('/') {
        return Ok(text.to_string());
    }
    let (shape, example) = match order {
        DateOrder::MonthFirst => ("MM/DD/YYYY", "03/15/2026"),
        DateOrder::DayFirst => ("DD/MM/YYYY", "15/03/2026"),
    };
    match slash_parts(text) {
        Some((_, _, y)) if y.len() == 2 => Err(format!(
            "“{text}” has a two-digit year; use {shape} or YYYY-MM-DD."
        )),
        Some((a, b, y)) if y.len() == 4 => {
            let (month, day) = match order {
                DateOrder::MonthFirst => (a, b),
                DateOrder::DayFirst => (b, a),
            };
            y.parse()
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
                .map(crate::input::format_date)
                .ok_or_else(|| {
                    format!(
                        "“{text}” is not a valid date; use {shape} or YYYY-MM-DD, e.g. {example}."
                    )
                })
        }
        _ => Err(format!(
            "“{text}” is not a valid date; use {shape} or YYYY-MM-DD, e.g. {example}."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateOrder::*;

    #[test]
    fn a_column_is_day_first_when_any_first_part_is_above_12() {
        let col = ["03/04/2019", "25/03/2019", "2019-01-01"];
        assert_eq!(column_order(col.into_iter()), ColumnOrder::Known(DayFirst));
        assert_eq!(date("03/04/2019", DayFirst).unwrap(), "2019-04-03");
    }

    #[test]
    fn a_column_is_month_first_when_any_second_part_is_above_12() {
        let col = ["03/04/2019", "03/25/2019"];
        assert_eq!(
            column_order(col.into_iter()),
            ColumnOrder::Known(MonthFirst)
        );
        assert_eq!(date("03/04/2019", MonthFirst).unwrap(), "2019-03-04");
    }

    #[test]
    fn a_column_that_cannot_tell_is_unknown_and_one_with_both_shapes_is_mixed() {
        let col = ["03/04/2019", "05/05/2020"];
        assert_eq!(
            column_order(col.into_iter()),
            ColumnOrder::Unknown("03/04/2019".into())
        );
        // Same day and month reads the same either way: nothing to ask.
        assert_eq!(
            column_order(["05/05/2020", "2020-01-02"].into_iter()),
            ColumnOrder::Known(MonthFirst)
        );
        assert_eq!(
            column_order(["25/03/2019", "03/25/2019"].into_iter()),
            ColumnOrder::Mixed("25/03/2019".into(), "03/25/2019".into())
        );
    }

    #[test]
    fn oracle_dates_with_a_month_name_are_read() {
        assert_eq!(date("04-MAR-2019", MonthFirst).unwrap(), "2019-03-04");
        assert_eq!(date("04-Mar-19", DayFirst).unwrap(), "2019-03-04");
        assert_eq!(date("4-dec-98", MonthFirst).unwrap(), "1998-12-04");
        assert!(date("31-FEB-2019", MonthFirst).is_err());
        // A day-first value read month-first is refused, not swapped.
        assert!(date("25/03/2019", MonthFirst).is_err());
        assert!(date("03/04/19", DayFirst)
            .unwrap_err()
            .contains("two-digit year"));
    }

    #[test]
    fn the_default_follows_the_department_country() {
        assert_eq!(default_order("America/Chicago"), MonthFirst);
        assert_eq!(default_order("Europe/London"), DayFirst);
    }
}

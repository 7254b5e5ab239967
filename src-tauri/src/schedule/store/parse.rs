//! Parsing the schedule forms as typed: hours ("12", "8.5", "7:30"), times
//! of day, percentages and differentials. Like `crate::input`, each parser
//! returns the message to show beside the field.

use crate::input;
use crate::schedule::Differential;
use crate::text_enum::text_enum;
use crate::units::Cents;
use chrono::NaiveTime;

text_enum! {
    /// How a differential is given on a form.
    pub enum DifferentialKind {
        None = ("none", "None"),
        Percent = ("percent", "% of the base rate"),
        PerHour = ("per_hour", "$ per hour"),
    }
}

/// A time of day in 24-hour `HH:MM`.
pub fn time_of_day(text: &str) -> Result<NaiveTime, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the start time, e.g. 07:00.".into());
    }
    let shape_ok = text.len() == 5 && text.as_bytes()[2] == b':';
    match NaiveTime::parse_from_str(text, "%H:%M") {
        Ok(t) if shape_ok => Ok(t),
        _ => Err(format!(
            "“{text}” is not a time; use 24-hour HH:MM, e.g. 07:00 or 19:00."
        )),
    }
}

pub fn format_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// Hours as typed ("12", "8.5", "7:30") into whole minutes, in `min..=max` hours.
pub fn hours(text: &str, min: i64, max: i64, what: &str) -> Result<i64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("Enter the {what} in hours, e.g. 8 or 7:30."));
    }
    let not_hours = || format!("“{text}” is not a number of hours; use e.g. 8, 8.5 or 8:30.");
    let minutes = if let Some((h, m)) = text.split_once(':') {
        let h: i64 = digits(h).ok_or_else(not_hours)?;
        if m.len() != 2 {
            return Err(not_hours());
        }
        let m: i64 = digits(m).ok_or_else(not_hours)?;
        if m >= 60 {
            return Err(not_hours());
        }
        h * 60 + m
    } else {
        let hundredths = decimal_hundredths(text).ok_or_else(not_hours)?;
        // 60 minutes × hundredths / 100 must be a whole number of minutes.
        if (hundredths * 60) % 100 != 0 {
            return Err("Use whole minutes, e.g. 8.5 or 8:30.".into());
        }
        hundredths * 60 / 100
    };
    if minutes < min * 60 || minutes > max * 60 {
        return Err(format!("The {what} must be between {min} and {max} hours."));
    }
    Ok(minutes)
}

/// Minutes as the hours a form shows: "12", "8:30".
pub fn format_hours(minutes: i64) -> String {
    if minutes % 60 == 0 {
        (minutes / 60).to_string()
    } else {
        format!("{}:{:02}", minutes / 60, minutes % 60)
    }
}

/// A differential as typed: a percentage ("10", "7.5") or money per hour
/// ("2.50"). `field` names the value field for the messages.
pub fn differential(kind: Option<DifferentialKind>, value: &str) -> Result<Differential, String> {
    match kind.unwrap_or(DifferentialKind::None) {
        DifferentialKind::None => Ok(Differential::None),
        DifferentialKind::Percent => {
            let text = value.trim().trim_end_matches('%').trim();
            if text.is_empty() {
                return Err("Enter the percentage, e.g. 10.".into());
            }
            let bp = decimal_hundredths(text)
                .ok_or_else(|| format!("“{text}” is not a percentage; enter e.g. 10 or 7.5."))?;
            if bp == 0 || bp > 200 * 100 {
                return Err("The percentage must be more than 0 and at most 200.".into());
            }
            Ok(Differential::Percent(bp))
        }
        DifferentialKind::PerHour => {
            let cents = input::cents(value)?;
            if cents == 0 || cents > 10_000 {
                return Err("The amount per hour must be more than 0 and at most 100.00.".into());
            }
            Ok(Differential::PerHour(cents))
        }
    }
}

/// A differential as its form fields: kind and text value.
pub fn differential_fields(d: Differential) -> (DifferentialKind, String) {
    match d {
        Differential::None => (DifferentialKind::None, String::new()),
        Differential::Percent(bp) => (DifferentialKind::Percent, hundredths_text(bp)),
        Differential::PerHour(cents) => (DifferentialKind::PerHour, Cents(cents).plain()),
    }
}

/// Kind and value as stored.
pub fn differential_columns(d: Differential) -> (DifferentialKind, i64) {
    match d {
        Differential::None => (DifferentialKind::None, 0),
        Differential::Percent(bp) => (DifferentialKind::Percent, bp),
        Differential::PerHour(cents) => (DifferentialKind::PerHour, cents),
    }
}

pub fn differential_from_columns(kind: DifferentialKind, value: i64) -> Differential {
    match kind {
        DifferentialKind::None => Differential::None,
        DifferentialKind::Percent => Differential::Percent(value),
        DifferentialKind::PerHour => Differential::PerHour(value),
    }
}

/// "10", "7.5", "7.25" from hundredths.
fn hundredths_text(n: i64) -> String {
    match n % 100 {
        0 => (n / 100).to_string(),
        f if f % 10 == 0 => format!("{}.{}", n / 100, f / 10),
        f => format!("{}.{f:02}", n / 100),
    }
}

fn digits(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 4 || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A non-negative decimal with at most two decimals, in hundredths.
fn decimal_hundredths(text: &str) -> Option<i64> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if (whole.is_empty() && frac.is_empty()) || frac.len() > 2 || whole.len() > 6 {
        return None;
    }
    let ok = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !ok(whole) || !ok(frac) {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: i64 = format!("{frac:0<2}").parse().ok()?;
    Some(whole * 100 + frac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_accept_whole_decimal_and_clock_forms() {
        for (typed, minutes) in [
            ("12", 720),
            ("8.5", 510),
            ("7:30", 450),
            ("7.75", 465),
            ("1", 60),
            ("16", 960),
        ] {
            assert_eq!(hours(typed, 1, 16, "length"), Ok(minutes), "{typed}");
        }
    }

    #[test]
    fn hours_refuse_out_of_range_fractions_of_minutes_and_garbage() {
        assert_eq!(
            hours("16:01", 1, 16, "length"),
            Err("The length must be between 1 and 16 hours.".into()),
            "one minute over the maximum"
        );
        assert!(hours("0:59", 1, 16, "length").is_err(), "one minute under");
        assert_eq!(
            hours("8.33", 1, 16, "length"),
            Err("Use whole minutes, e.g. 8.5 or 8:30.".into())
        );
        assert!(hours("8:75", 1, 16, "length")
            .unwrap_err()
            .contains("not a number of hours"));
        assert!(hours("abc", 1, 16, "length")
            .unwrap_err()
            .contains("not a number of hours"));
        assert!(hours("", 1, 16, "length")
            .unwrap_err()
            .contains("Enter the length"));
    }

    #[test]
    fn times_of_day_are_24_hour_hh_mm() {
        assert_eq!(time_of_day("19:00").map(format_time), Ok("19:00".into()));
        assert!(
            time_of_day("7:00").is_err(),
            "one-digit hour is not canonical"
        );
        assert!(time_of_day("24:00").is_err());
        assert!(time_of_day("7pm").is_err());
    }

    #[test]
    fn differentials_parse_to_basis_points_or_cents_and_back() {
        use DifferentialKind as K;
        assert_eq!(
            differential(Some(K::Percent), "10"),
            Ok(Differential::Percent(1000))
        );
        assert_eq!(
            differential(Some(K::Percent), "7.5%"),
            Ok(Differential::Percent(750))
        );
        assert_eq!(
            differential(Some(K::PerHour), "2.50"),
            Ok(Differential::PerHour(250))
        );
        assert_eq!(
            differential(Some(K::None), "whatever"),
            Ok(Differential::None)
        );
        assert!(differential(Some(K::Percent), "")
            .unwrap_err()
            .contains("Enter the percentage"));
        assert!(
            differential(Some(K::Percent), "0").is_err(),
            "0 % is no differential"
        );
        assert!(
            differential(Some(K::Percent), "200.01").is_err(),
            "just over 200 %"
        );
        assert!(
            differential(Some(K::PerHour), "100.01").is_err(),
            "just over $100/h"
        );
        assert_eq!(
            differential_fields(Differential::Percent(750)),
            (K::Percent, "7.5".into())
        );
        assert_eq!(
            differential_fields(Differential::PerHour(250)),
            (K::PerHour, "2.50".into())
        );
        assert_eq!(format_hours(450), "7:30");
        assert_eq!(format_hours(600), "10");
    }
}

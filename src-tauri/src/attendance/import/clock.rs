//! The cells of a time-clock export: times of day as clocks print them
//! (`18:52`, `6:52 PM`, `6:52p`, `18:52:00`), a time with its own date
//! (`10/31/2026 18:52`, `2026-10-31T18:52`), the direction of a punch and
//! meal minutes.

use crate::staff::import::dates::{self, DateOrder};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A time cell: the time, and its date when the cell carries one.
pub fn time(text: &str, order: DateOrder) -> Result<(Option<NaiveDate>, NaiveTime), String> {
    let text = text.trim();
    // A date part comes first and holds `/` or `-`; `T` (ISO) or a space
    // separates it from the time.
    let split = text
        .find(['T', ' '])
        .filter(|&i| text[..i].contains(['/', '-']));
    match split {
        Some(i) => {
            let day = dates::date(&text[..i], order)?;
            let day = crate::input::date(&day)
                .map_err(|_| format!("“{text}” is not a date and time."))?;
            Ok((Some(day), time_of_day(text[i + 1..].trim())?))
        }
        None => Ok((None, time_of_day(text)?)),
    }
}

/// `18:52`, `6:52 PM`, `6:52pm`, `6:52 p.m.`, `06:52:30`, `1852`.
fn time_of_day(text: &str) -> Result<NaiveTime, String> {
    let bad = || {
        Err(format!(
            "“{text}” is not a time; use 24-hour 18:52 or 12-hour 6:52 PM."
        ))
    };
    let lower = text.to_lowercase().replace('.', "");
    let lower = lower.trim();
    let (clock, pm) = if let Some(c) = lower.strip_suffix("am").or(lower.strip_suffix('a')) {
        (c.trim(), Some(false))
    } else if let Some(c) = lower.strip_suffix("pm").or(lower.strip_suffix('p')) {
        (c.trim(), Some(true))
    } else {
        (lower, None)
    };
    let parts: Vec<&str> = if clock.contains(':') {
        clock.split(':').collect()
    } else if clock.len() == 4 && pm.is_none() {
        vec![&clock[..2], &clock[2..]]
    } else {
        return bad();
    };
    let number = |p: &str| {
        (!p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (Some(h), Some(m)) = (
        parts.first().and_then(|p| number(p)),
        parts.get(1).and_then(|p| number(p)),
    ) else {
        return bad();
    };
    let s = match parts.get(2) {
        Some(p) => match number(p) {
            Some(s) => s,
            None => return bad(),
        },
        None => 0,
    };
    if parts.len() > 3 || parts[1].len() != 2 {
        return bad();
    }
    let h = match pm {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return bad(),
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
    };
    // Seconds are checked, then dropped: minutes are the unit of pay.
    match NaiveTime::from_hms_opt(h, m, s) {
        Some(_) => NaiveTime::from_hms_opt(h, m, 0).map_or_else(bad, Ok),
        None => bad(),
    }
}

/// Whether a punch is an in (`true`) or an out.
pub fn direction(text: &str) -> Result<bool, String> {
    let key: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "in" | "i" | "clockin" | "punchin" | "timein" | "start" | "shiftstart" => Ok(true),
        "out" | "o" | "clockout" | "punchout" | "timeout" | "end" | "shiftend" => Ok(false),
        _ => Err(format!(
            "“{}” is not a punch direction; use In or Out.",
            text.trim()
        )),
    }
}

/// Meal minutes: a whole number is minutes (`30`), `0:30` hours and
/// minutes, a decimal is hours (`0.5`, as Kronos totals write them).
pub fn meal_minutes(text: &str) -> Result<i64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    let bad = || {
        Err(format!(
            "“{text}” is not a meal break; write minutes (30), 0:30 or hours (0.5)."
        ))
    };
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let minutes = if let Some((h, m)) = text.split_once(':') {
        if !digits(h) || !digits(m) || m.len() != 2 {
            return bad();
        }
        h.parse::<i64>().unwrap_or(i64::MAX / 120) * 60 + m.parse::<i64>().unwrap_or(0)
    } else if let Some((h, f)) = text.split_once(['.', ',']) {
        if !(h.is_empty() || digits(h)) || !digits(f) || f.len() > 2 {
            return bad();
        }
        let whole = if h.is_empty() {
            0
        } else {
            h.parse::<i64>().unwrap_or(99)
        };
        let hundredths = format!("{f:0<2}").parse::<i64>().unwrap_or(0);
        // Hundredths of an hour to minutes, half up.
        whole * 60 + (hundredths * 60 + 50) / 100
    } else if digits(text) && text.len() <= 4 {
        text.parse().unwrap_or(0)
    } else {
        return bad();
    };
    if minutes > 240 {
        return Err(format!(
            "A meal break of {minutes} minutes is longer than 4 hours; check the column."
        ));
    }
    Ok(minutes)
}

/// A local date and time.
pub fn at(date: NaiveDate, time: NaiveTime) -> NaiveDateTime {
    date.and_time(time)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(t: &str) -> String {
        time(t, DateOrder::MonthFirst)
            .map(|(d, t)| match d {
                Some(d) => format!("{d} {}", t.format("%H:%M")),
                None => t.format("%H:%M").to_string(),
            })
            .unwrap_or_else(|e| e)
    }

    #[test]
    fn times_are_read_as_clocks_print_them() {
        let cases = [
            ("18:52", "18:52"),
            ("7:09", "07:09"),
            ("6:52 PM", "18:52"),
            ("6:52pm", "18:52"),
            ("6:52 p.m.", "18:52"),
            ("12:05 AM", "00:05"),
            ("12:05 PM", "12:05"),
            ("07:09:45", "07:09"),
            ("1852", "18:52"),
            ("10/31/2026 6:52 PM", "2026-10-31 18:52"),
            ("2026-11-01T07:09:00", "2026-11-01 07:09"),
        ];
        for (text, want) in cases {
            assert_eq!(hm(text), want, "{text}");
        }
    }

    #[test]
    fn what_is_not_a_time_is_refused_with_the_shapes_to_use() {
        for text in [
            "", "25:00", "13:00 PM", "0:00 AM", "7.09", "18:5", "noon", "18:52:99",
        ] {
            let got = hm(text);
            assert!(got.contains("is not a"), "{text:?} gave {got}");
        }
    }

    #[test]
    fn directions_and_meals() {
        assert_eq!(direction("IN"), Ok(true));
        assert_eq!(direction("Clock Out"), Ok(false));
        assert!(direction("Meal").unwrap_err().contains("In or Out"));
        let meals = [
            ("", 0),
            ("30", 30),
            ("0:45", 45),
            ("0.5", 30),
            ("0.75", 45),
            (".25", 15),
        ];
        for (text, want) in meals {
            assert_eq!(meal_minutes(text), Ok(want), "{text}");
        }
        assert!(meal_minutes("-30").is_err());
        assert!(meal_minutes("241")
            .unwrap_err()
            .contains("longer than 4 hours"));
        assert_eq!(meal_minutes("240"), Ok(240), "4 hours is the most");
    }
}

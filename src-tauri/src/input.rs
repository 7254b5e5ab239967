//! Parsing what a person typed into a form: dates, FTE, money.
//!
//! Forms send text as typed so that the backend, not the UI, decides what is
//! valid and says why. Each parser returns the message to show beside the field.

use chrono::{Datelike, NaiveDate, Weekday};

pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// A required date in `YYYY-MM-DD`.
pub fn date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter a date.".into());
    }
    // chrono accepts a one-digit month or day; dates are stored and sorted as
    // text, so only the canonical form is allowed in.
    let shape_ok = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match NaiveDate::parse_from_str(text, DATE_FORMAT) {
        Ok(d) if shape_ok && (FIRST_YEAR..=LAST_YEAR).contains(&d.year()) => Ok(d),
        Ok(_) if shape_ok => Err(format!(
            "“{text}” is outside the years Wardbook keeps ({FIRST_YEAR} to {LAST_YEAR}); check the year."
        )),
        _ => Err(format!(
            "“{text}” is not a valid date; use YYYY-MM-DD, e.g. 2026-03-15."
        )),
    }
}

/// The years any date in the record may fall in: births and hires of people
/// working today, and plans and expiries well ahead. Year 0000 or 9999 is a
/// typing slip, and would sort and count wrongly in every report.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2100;

/// An optional date: empty means none.
pub fn optional_date(text: &str) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        date(text).map(Some)
    }
}

pub fn format_date(d: NaiveDate) -> String {
    d.format(DATE_FORMAT).to_string()
}

/// A weekday's full name, as messages write it: "Monday".
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Splits a non-negative decimal into whole and fractional digit strings.
fn decimal_parts(text: &str) -> Option<(&str, &str)> {
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w, f),
        None => (text, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
        return None;
    }
    Some((whole, frac))
}

/// FTE as typed ("0.9", "1", "0.75") into hundredths, 0 to 100.
pub fn fte(text: &str) -> Result<i64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the FTE, from 0 to 1.00 (e.g. 0.9).".into());
    }
    let Some((whole, frac)) = decimal_parts(text) else {
        return Err(format!(
            "“{text}” is not a number; enter the FTE from 0 to 1.00."
        ));
    };
    if frac.len() > 2 {
        return Err("FTE is kept in hundredths; use at most two decimals (e.g. 0.75).".into());
    }
    if whole.len() > 3 {
        return Err("FTE must be between 0 and 1.00.".into());
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole
            .parse()
            .map_err(|_| "FTE must be between 0 and 1.00.")?
    };
    let frac: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
    let hundredths = whole * 100 + frac;
    if hundredths > 100 {
        return Err("FTE must be between 0 and 1.00.".into());
    }
    Ok(hundredths)
}

/// A non-negative amount of money as typed ("45.50", "$45.50", "1,234") into cents.
pub fn cents(text: &str) -> Result<i64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter an amount, e.g. 45.50.".into());
    }
    if text.starts_with('-') || text.starts_with('(') {
        return Err("The amount cannot be negative.".into());
    }
    let cleaned: String = text.trim_start_matches('$').trim().replace(',', "");
    let Some((whole, frac)) = decimal_parts(&cleaned) else {
        return Err(format!("“{text}” is not an amount; enter it like 45.50."));
    };
    if frac.len() > 2 {
        return Err("Use at most two decimals (cents).".into());
    }
    // 15 digits of dollars is far beyond any pay rate and keeps cents inside i64.
    if whole.len() > 15 {
        return Err("The amount is too large.".into());
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| "The amount is too large.")?
    };
    let frac: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
    Ok(whole * 100 + frac)
}

/// The highest hourly rate accepted: far above any nurse's or agency's rate,
/// low enough that a slip of the keyboard ($9,999,999.99) is caught.
pub const MAX_HOURLY_RATE_CENTS: i64 = 100_000;

/// An hourly pay rate as typed, in cents: 0 to $1,000.00. The staff form,
/// the HR import and the department-file import all check rates here.
pub fn hourly_rate(text: &str) -> Result<i64, String> {
    let rate = cents(text)?;
    if rate > MAX_HOURLY_RATE_CENTS {
        return Err(
            "An hourly rate is at most $1,000.00. Check the amount for a typing slip.".into(),
        );
    }
    Ok(rate)
}

/// A whole number in `min..=max` as typed.
pub fn whole_number(text: &str, min: i64, max: i64, what: &str) -> Result<i64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("Enter the {what}."));
    }
    match text.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        Ok(_) => Err(format!("The {what} must be between {min} and {max}.")),
        Err(_) => Err(format!("“{text}” is not a whole number.")),
    }
}

/// Trims a one-line text field, caps its length (so a pasted novel cannot
/// bloat the file) and refuses control and text-direction characters.
pub fn text(value: &str, max_chars: usize, what: &str) -> Result<String, String> {
    checked(value, max_chars, what, false)
}

/// As [`text`], for a field of several lines (notes): line breaks and tabs are kept.
pub fn multiline_text(value: &str, max_chars: usize, what: &str) -> Result<String, String> {
    checked(value, max_chars, what, true)
}

/// Bidirectional embeddings, overrides and isolates: invisible, they make a
/// name display in another order than it is stored ("Trojan Source").
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn checked(value: &str, max_chars: usize, what: &str, lines: bool) -> Result<String, String> {
    let value = value.trim();
    if value.chars().count() > max_chars {
        return Err(format!(
            "The {what} is too long (at most {max_chars} characters)."
        ));
    }
    let allowed = |c: char| lines && matches!(c, '\n' | '\r' | '\t');
    if let Some(c) = value.chars().find(|c| c.is_control() && !allowed(*c)) {
        let which = match c {
            '\0' => "a NUL character".to_string(),
            '\n' | '\r' => "a line break".to_string(),
            '\t' => "a tab".to_string(),
            c => format!("an invisible control character (U+{:04X})", c as u32),
        };
        return Err(format!(
            "The {what} contains {which}, which cannot be stored; remove it (it often comes with pasted text)."
        ));
    }
    if let Some(c) = value.chars().find(|c| is_direction_control(*c)) {
        return Err(format!(
            "The {what} contains an invisible text-direction character (U+{:04X}) that makes it show \
             differently from what is stored; remove it.",
            c as u32
        ));
    }
    Ok(value.to_string())
}

pub fn required_text(value: &str, max_chars: usize, what: &str) -> Result<String, String> {
    let value = text(value, max_chars, what)?;
    if value.is_empty() {
        return Err(format!("Enter the {what}."));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_names_are_written_in_full() {
        let names: Vec<&str> = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ]
        .into_iter()
        .map(weekday_name)
        .collect();
        assert_eq!(
            names,
            [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday"
            ]
        );
        assert_eq!(
            weekday_name(date("2026-12-06").unwrap().weekday()),
            "Sunday",
            "a date's own weekday"
        );
    }

    #[test]
    fn fte_accepts_zero_to_one_in_hundredths() {
        for (typed, hundredths) in [
            ("0", 0),
            ("0.9", 90),
            (".5", 50),
            ("0.75", 75),
            ("1", 100),
            ("1.00", 100),
            (" 0.01 ", 1),
        ] {
            assert_eq!(fte(typed), Ok(hundredths), "{typed} is a valid FTE");
        }
    }

    #[test]
    fn fte_refuses_above_one_negative_and_thousandths() {
        assert_eq!(
            fte("1.01"),
            Err("FTE must be between 0 and 1.00.".into()),
            "1.01 is one hundredth over"
        );
        assert!(fte("-0.5").is_err(), "negative FTE");
        assert!(fte("0.755").unwrap_err().contains("two decimals"));
        assert!(fte("abc").unwrap_err().contains("not a number"));
        assert!(fte("").unwrap_err().contains("Enter the FTE"));
        assert!(
            fte("99999999999999999999").is_err(),
            "overflow must not panic"
        );
    }

    #[test]
    fn cents_parses_typed_money_exactly() {
        for (typed, c) in [
            ("45.50", 4550),
            ("$45.50", 4550),
            ("45", 4500),
            ("45.5", 4550),
            ("1,234.56", 123456),
            ("0", 0),
            ("0.07", 7),
        ] {
            assert_eq!(cents(typed), Ok(c), "{typed}");
        }
    }

    #[test]
    fn cents_refuses_negative_fractional_cents_and_garbage() {
        assert!(cents("-1").unwrap_err().contains("negative"));
        assert!(cents("(1.00)").unwrap_err().contains("negative"));
        assert!(cents("1.005").unwrap_err().contains("two decimals"));
        assert!(cents("4x").unwrap_err().contains("not an amount"));
        assert!(cents("9999999999999999999")
            .unwrap_err()
            .contains("too large"));
    }

    #[test]
    fn dates_must_be_real_and_canonical() {
        assert_eq!(
            date("2024-02-29").map(format_date),
            Ok("2024-02-29".into()),
            "leap day exists in 2024"
        );
        assert!(date("2023-02-29").is_err(), "no leap day in 2023");
        assert!(
            date("2026-1-5").is_err(),
            "one-digit month is not canonical"
        );
        assert!(date("15/03/2026").is_err());
        assert_eq!(optional_date("  "), Ok(None));
    }

    #[test]
    fn dates_stay_within_1900_to_2100() {
        assert!(date("0000-01-01")
            .unwrap_err()
            .contains("outside the years"));
        assert!(date("1899-12-31").unwrap_err().contains("1900 to 2100"));
        assert!(date("1900-01-01").is_ok(), "the first day kept");
        assert!(date("2100-12-31").is_ok(), "the last day kept");
        assert!(date("2101-01-01")
            .unwrap_err()
            .contains("outside the years"));
        assert!(optional_date("9999-12-31").is_err());
    }

    #[test]
    fn text_refuses_control_and_direction_characters_with_the_reason() {
        assert!(text("Ann\0", 20, "first name").unwrap_err().contains("NUL"));
        assert!(required_text("An\u{7}n", 20, "first name")
            .unwrap_err()
            .contains("U+0007"));
        assert!(text("Ann\nLee", 20, "first name")
            .unwrap_err()
            .contains("line break"));
        for c in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            let err = required_text(&format!("Lee{c}nnA"), 20, "last name").unwrap_err();
            assert!(err.contains("text-direction"), "{c:?}: {err}");
            assert!(err.contains(&format!("U+{:04X}", c as u32)), "{err}");
        }
        // Just outside both ranges (U+2029, U+202F, U+2065, U+206A) is ordinary text.
        assert!(text("a\u{2029}b\u{202F}c\u{2065}d\u{206A}e", 20, "note").is_ok());
        assert_eq!(text("Zoë Ng", 20, "name"), Ok("Zoë Ng".into()));
        assert_eq!(
            multiline_text("line one\r\nline two\tend", 100, "note"),
            Ok("line one\r\nline two\tend".into()),
            "notes keep their lines"
        );
        assert!(multiline_text("a\0b", 100, "note")
            .unwrap_err()
            .contains("NUL"));
        assert!(multiline_text("a\u{202E}b", 100, "note").is_err());
    }

    #[test]
    fn text_is_trimmed_and_capped() {
        assert_eq!(required_text("  Ann ", 10, "first name"), Ok("Ann".into()));
        assert_eq!(
            required_text("   ", 10, "first name"),
            Err("Enter the first name.".into())
        );
        assert!(text(&"x".repeat(11), 10, "note").is_err());
    }
}

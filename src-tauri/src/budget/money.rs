//! Money and ratios as finance writes them, parsed exactly into integers.
//!
//! `input::cents` refuses negatives because a pay rate is never negative; a
//! finance actual can be (a credit, a reversal), so the budget has its own
//! signed parser. Percentages are basis points (1 % = 100 bp) and ratios such
//! as HPPD or a budgeted FTE count are hundredths, so no float ever holds money.
//!
//! Rounding: every division of money rounds half away from zero, once, from
//! the exact integer quotient (`div_round`).

/// The largest amount accepted anywhere in the budget: $1 billion.
pub const MAX_CENTS: i64 = 100_000_000_000;

pub use crate::units::div_round;

/// `part` as basis points of `whole` (10 000 = 100 %), or `None` when `whole` is 0.
pub fn basis_points(part: i64, whole: i64) -> Option<i64> {
    (whole != 0).then(|| {
        let sign = if whole < 0 { -1 } else { 1 };
        div_round(part as i128 * 10_000 * sign, whole.abs() as i128)
    })
}

/// Digits with optional thousands commas (`1,234,567` or `1234567`) and up to
/// two decimals, into cents. `None` when the shape is wrong.
fn unsigned_cents(text: &str) -> Result<i64, String> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() && frac.is_empty() {
        return Err("there are no digits".into());
    }
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err("it is not a number".into());
    }
    if frac.len() > 2 {
        return Err("it has more than two decimals".into());
    }
    let digits: String = if whole.contains(',') {
        let groups: Vec<&str> = whole.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err("its thousands separators are misplaced".into());
        }
        groups.concat()
    } else {
        whole.to_string()
    };
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err("it is not a number".into());
    }
    if digits.len() > 12 {
        return Err("it is too large".into());
    }
    let whole: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| "it is too large")?
    };
    let frac: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
    let cents = whole * 100 + frac;
    if cents > MAX_CENTS {
        return Err("it is too large".into());
    }
    Ok(cents)
}

/// Finance's other ways of grouping digits, in the `1,234.56` form that
/// `unsigned_cents` reads. The decimal mark is the last of a point and a
/// comma when both are there (`1,234.56`, `1.234,56`); a lone comma is a
/// decimal comma only when exactly two digits follow it (`12,34`,
/// `1 234,56`: cents, as European systems write them), since a thousands
/// comma is always followed by three (`1,234`). Spaces, no-break spaces
/// included, may group thousands (`1 234.56`). Groups are then checked.
fn regrouped(body: &str) -> String {
    let is_space = |c: char| c == ' ' || c == '\u{a0}' || c == '\u{202f}';
    let last_dot = body.rfind('.');
    let last_comma = body.rfind(',');
    let decimal_comma = match (last_dot, last_comma) {
        (Some(d), Some(c)) => c > d,
        (None, Some(c)) => {
            body.matches(',').count() == 1
                && body[c + 1..].len() == 2
                && body[c + 1..].chars().all(|d| d.is_ascii_digit())
        }
        _ => false,
    };
    body.chars()
        .map(|c| match c {
            ',' if decimal_comma => '.',
            '.' if decimal_comma => ',',
            c if is_space(c) => ',',
            c => c,
        })
        .collect()
}

/// A signed amount as finance exports write it: `1,234.56`, `-1234.56`,
/// `(1,234.56)` (accounting negative), `1,234.56-` (a trailing minus, as SAP
/// writes it), `$1,234.56`, `-$1,234.56`, `($1,234.56)`, and the grouping of
/// `regrouped` (`$1 234,56`).
pub fn signed_cents(text: &str) -> Result<i64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("The amount is empty.".into());
    }
    let trailing_minus = !t.starts_with('-') && t.len() > 1 && t.ends_with('-');
    let (negative, body) = if trailing_minus {
        (true, t[..t.len() - 1].trim_end())
    } else if let Some(inner) = t.strip_prefix('(') {
        match inner.strip_suffix(')') {
            Some(inner) => (true, inner.trim()),
            None => return Err(format!("“{t}” opens a parenthesis it does not close.")),
        }
    } else if let Some(rest) = t.strip_prefix('-') {
        (true, rest.trim_start())
    } else {
        (false, t)
    };
    let body = body.strip_prefix('$').unwrap_or(body).trim_start();
    if body.starts_with(['-', '(', '+']) || body.ends_with('-') {
        return Err(format!(
            "“{t}” is not an amount: use one sign, as -1234.56 or (1,234.56)."
        ));
    }
    match unsigned_cents(&regrouped(body)) {
        Ok(c) => Ok(if negative { -c } else { c }),
        Err(why) => Err(format!(
            "“{t}” is not an amount ({why}); write it like 1,234.56, (1,234.56) or -1234.56."
        )),
    }
}

/// A budget amount: not negative, as typed in a form.
pub fn budget_cents(text: &str) -> Result<i64, String> {
    let cents = signed_cents(text)?;
    if cents < 0 {
        return Err("A budget amount cannot be negative.".into());
    }
    Ok(cents)
}

/// Hours as payroll writes them and as Wardbook shows them (`7,230.72`:
/// decimal hours to the hundredth, thousands grouped), or as hours:minutes
/// (`7230:43`), into whole minutes, at most `max` hours. A hundredth of an
/// hour is 0.6 minutes, so it rounds to the nearest minute (half up); the
/// shown form of any whole minutes reads back to the same minutes.
pub fn hours_minutes(text: &str, max: i64, what: &str) -> Result<i64, String> {
    let t = text.trim();
    let not_hours =
        || format!("“{t}” is not a number of hours; write it like 7,230.72 or 7230:43.");
    let minutes = if let Some((h, m)) = t.split_once(':') {
        let h = unsigned_cents(h.trim()).map_err(|_| not_hours())?;
        let m = m.trim();
        if h % 100 != 0 || m.len() != 2 || !m.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_hours());
        }
        let m: i64 = m.parse().map_err(|_| not_hours())?;
        if m >= 60 {
            return Err(not_hours());
        }
        h / 100 * 60 + m
    } else {
        match unsigned_cents(t) {
            Ok(hundredths) => div_round(hundredths as i128 * 60, 100),
            Err(why) if why.contains("decimals") => {
                return Err(format!(
                    "“{t}” has more than two decimals; hours are counted to the hundredth, e.g. 7,230.72."
                ))
            }
            Err(_) => return Err(not_hours()),
        }
    };
    if minutes > max * 60 {
        return Err(format!("The {what} must be at most {max} hours."));
    }
    Ok(minutes)
}

/// Minutes as hours, the one way Wardbook shows them everywhere: decimal
/// hours to the hundredth (half up), thousands grouped, trailing zeros
/// dropped, never hours:minutes: 433 843 → "7,230.72", 90 → "1.5".
pub fn hours_text(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let hundredths = div_round(minutes.unsigned_abs() as i128 * 100, 60);
    if hundredths == 0 {
        return "0".into();
    }
    let whole = (hundredths / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let frac = format!("{:02}", hundredths % 100);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A signed decimal with up to `decimals` places into an integer scaled by
/// 10^`decimals` (`"3.5"` with 2 places is 350).
fn scaled(text: &str, decimals: usize) -> Option<i64> {
    let t = text.trim().trim_end_matches('%').trim();
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty())
        || !digits(whole)
        || !digits(frac)
        || frac.len() > decimals
        || whole.len() > 9
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: i64 = format!("{frac:0<decimals$}").parse().unwrap_or(0);
    let value = whole * 10_i64.pow(decimals as u32) + frac;
    Some(if negative { -value } else { value })
}

/// A percentage as typed ("3.5", "-2", "4 %") into basis points, in `min..=max` bp.
pub fn percent_bp(text: &str, min: i64, max: i64, what: &str) -> Result<i64, String> {
    if text.trim().is_empty() {
        return Ok(0);
    }
    let bp = scaled(text, 2).ok_or_else(|| {
        format!(
            "“{}” is not a percentage; enter e.g. 3.5 or -2.",
            text.trim()
        )
    })?;
    if bp < min || bp > max {
        return Err(format!(
            "The {what} must be between {}% and {}%.",
            min / 100,
            max / 100
        ));
    }
    Ok(bp)
}

/// A non-negative number with up to two decimals ("7.25", "22.4") into
/// hundredths, at most `max` hundredths: HPPD, budgeted FTEs.
pub fn hundredths(text: &str, max: i64, what: &str) -> Result<i64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(0);
    }
    match scaled(t, 2) {
        Some(v) if (0..=max).contains(&v) => Ok(v),
        Some(_) => Err(format!(
            "The {what} must be between 0 and {}.{:02}.",
            max / 100,
            max % 100
        )),
        None => Err(format!(
            "“{t}” is not a number with at most two decimals; enter the {what} like 7.25."
        )),
    }
}

/// A whole count ("812", "1,204") or nothing.
pub fn optional_count(text: &str, max: i64, what: &str) -> Result<Option<i64>, String> {
    let t = text.trim().replace(',', "");
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(n) if (0..=max).contains(&n) => Ok(Some(n)),
        Ok(_) => Err(format!("The {what} must be between 0 and {max}.")),
        Err(_) => Err(format!("“{t}” is not a whole number of {what}.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_cents_accepts_every_finance_form() {
        for (text, cents) in [
            ("1,234.56", 123_456),
            ("(1,234.56)", -123_456),
            ("-1234.56", -123_456),
            ("$1,234.56", 123_456),
            ("-$1,234.56", -123_456),
            ("($1,234.56)", -123_456),
            ("$ 1,234.56", 123_456),
            ("  1234.5 ", 123_450),
            ("0.05", 5),
            (".05", 5),
            ("1,000,000", 100_000_000),
            ("12", 1_200),
            ("-0", 0),
            // Trailing minus (SAP), spaces and decimal commas (European systems).
            ("1,234.56-", -123_456),
            ("5-", -500),
            ("$1 234,56", 123_456),
            ("1 234,56", 123_456),
            ("1.234,56", 123_456),
            ("12,34", 1_234),
            ("1\u{a0}234.56", 123_456),
            ("1 234 567.89", 123_456_789),
            ("(1 234,56)", -123_456),
        ] {
            assert_eq!(signed_cents(text), Ok(cents), "{text:?} is an amount");
        }
    }

    #[test]
    fn signed_cents_refuses_with_a_reason() {
        for (text, reason) in [
            ("", "empty"),
            ("abc", "not a number"),
            ("1.234", "more than two decimals"),
            ("1,23.00", "thousands separators"),
            ("12,345,6", "thousands separators"),
            ("12 34", "thousands separators"),
            ("1,2", "thousands separators"),
            ("1.234.567", "not a number"),
            ("1.234,567", "more than two decimals"),
            ("(1,234.56", "does not close"),
            ("--5", "one sign"),
            ("-(5)", "one sign"),
            ("-5-", "one sign"),
            ("(5)-", "one sign"),
            ("€5", "not a number"),
            ("1e5", "not a number"),
            ("9999999999999", "too large"),
        ] {
            let err = signed_cents(text).unwrap_err();
            assert!(err.contains(reason), "{text:?} refused: {err}");
        }
    }

    #[test]
    fn hours_are_shown_one_way_and_read_back_to_the_same_minutes() {
        for (minutes, text) in [
            (0, "0"),
            (90, "1.5"),
            (465, "7.75"),
            (20, "0.33"),
            (1, "0.02"),
            (59_940, "999"),
            (60_000, "1,000"),
            (433_843, "7,230.72"),
            (473_928, "7,898.8"),
            (-90, "-1.5"),
        ] {
            assert_eq!(hours_text(minutes), text, "{minutes} min");
        }
        // Every whole minute over a long span reads back exactly from its text.
        for minutes in (0..200_000).step_by(7).chain([433_843, 59_999_999]) {
            assert_eq!(
                hours_minutes(&hours_text(minutes), 1_000_000, "hours"),
                Ok(minutes),
                "{minutes} min round trip"
            );
        }
    }

    #[test]
    fn hours_as_payroll_writes_them() {
        for (text, minutes) in [
            ("4210", 252_600),
            ("4,210.5", 252_630),
            ("8.33", 500),
            ("8:20", 500),
            ("7230:43", 433_843),
            (" 0 ", 0),
        ] {
            assert_eq!(
                hours_minutes(text, 1_000_000, "worked hours"),
                Ok(minutes),
                "{text:?}"
            );
        }
        for (text, reason) in [
            ("8.333", "more than two decimals"),
            ("abc", "not a number of hours"),
            ("-5", "not a number of hours"),
            ("8:5", "not a number of hours"),
            ("8:60", "not a number of hours"),
            ("1.5:30", "not a number of hours"),
            ("42,10", "not a number of hours"),
            ("1000001", "at most 1000000 hours"),
        ] {
            let err = hours_minutes(text, 1_000_000, "worked hours").unwrap_err();
            assert!(err.contains(reason), "{text:?} refused: {err}");
        }
    }

    #[test]
    fn budget_amounts_cannot_be_negative() {
        assert_eq!(budget_cents("100.00"), Ok(10_000));
        assert!(budget_cents("-1").unwrap_err().contains("negative"));
        assert!(budget_cents("(0.05)").unwrap_err().contains("negative"));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        // 5 / 2 = 2.5 → 3; -5 / 2 = -2.5 → -3; 7 / 3 = 2.33 → 2; -7 / 3 → -2.
        assert_eq!(div_round(5, 2), 3);
        assert_eq!(div_round(-5, 2), -3);
        assert_eq!(div_round(7, 3), 2);
        assert_eq!(div_round(-7, 3), -2);
    }

    #[test]
    fn basis_points_of_a_whole() {
        // 1,234 of 10,000 = 12.34 % = 1 234 bp; 1 of 3 = 33.33 % → 3 333 bp;
        // 2 of 3 = 66.666… % → 6 667 bp (half away from zero); of 0: none.
        assert_eq!(basis_points(1_234, 10_000), Some(1_234));
        assert_eq!(basis_points(1, 3), Some(3_333));
        assert_eq!(basis_points(2, 3), Some(6_667));
        assert_eq!(basis_points(-2, 3), Some(-6_667));
        assert_eq!(basis_points(5, 0), None);
    }

    #[test]
    fn percentages_and_hundredths() {
        assert_eq!(percent_bp("3.5", -5_000, 5_000, "adjustment"), Ok(350));
        assert_eq!(percent_bp("-2", -5_000, 5_000, "adjustment"), Ok(-200));
        assert_eq!(percent_bp("4 %", -5_000, 5_000, "adjustment"), Ok(400));
        assert_eq!(percent_bp("", -5_000, 5_000, "adjustment"), Ok(0));
        assert!(percent_bp("3.555", -5_000, 5_000, "adjustment").is_err());
        assert!(percent_bp("80", -5_000, 5_000, "adjustment")
            .unwrap_err()
            .contains("between -50% and 50%"));
        assert_eq!(hundredths("7.25", 5_000, "target HPPD"), Ok(725));
        assert_eq!(hundredths("22.4", 99_999, "FTE"), Ok(2_240));
        assert!(hundredths("-1", 5_000, "target HPPD").is_err());
        assert!(hundredths("x", 5_000, "target HPPD").is_err());
        assert_eq!(
            optional_count("1,204", 100_000, "patient days"),
            Ok(Some(1_204))
        );
        assert_eq!(optional_count(" ", 100_000, "patient days"), Ok(None));
        assert!(optional_count("-3", 100_000, "patient days").is_err());
    }
}

//! How schedule messages write dates and durations, so every rule speaks
//! the same plain language ("9 h 30 min", "12 Dec"); money reads as
//! `crate::units::Cents` writes it ("$48.50").

use chrono::NaiveDate;

/// "12 Dec": messages are about one period, so the year is noise.
pub fn day(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

/// "3 Dec, 5 Dec and 7 Dec".
pub fn days(ds: &[NaiveDate]) -> String {
    let words: Vec<String> = ds.iter().map(|d| day(*d)).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "9 h 30 min", "10 h", "45 min".
pub fn duration(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let (h, m) = (minutes.abs() / 60, minutes.abs() % 60);
    match (h, m) {
        (0, m) => format!("{sign}{m} min"),
        (h, 0) => format!("{sign}{h} h"),
        (h, m) => format!("{sign}{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_like_a_person_wrote_them() {
        let d = |s| crate::input::date(s).unwrap();
        assert_eq!(day(d("2026-12-03")), "3 Dec", "no leading zero, no year");
        assert_eq!(days(&[d("2026-12-03")]), "3 Dec");
        assert_eq!(
            days(&[d("2026-12-03"), d("2026-12-05"), d("2026-12-07")]),
            "3 Dec, 5 Dec and 7 Dec"
        );
        assert_eq!(duration(570), "9 h 30 min");
        assert_eq!(duration(600), "10 h");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(-90), "-1 h 30 min");
    }
}

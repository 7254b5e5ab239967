//! Paid hours as payroll counts them, rounded in one place: a person's
//! minutes of one pay code over the period are summed, then rounded once to
//! the hundredth of an hour (half up). Every total is the sum of those
//! rounded hours, so the timecards' totals are what the payroll file's rows
//! add up to (summing rows rounded one by one drifted: 2,486.33 h REG on the
//! timecards, 2,486.34 in the file). The file by day spreads each person's
//! rounded hours over the days, so a person's day rows add up to their
//! period row too.

use crate::schedule::cost::round_half_up;

/// Minutes as hundredths of an hour, half up: 450 → 750, 7 → 12, 1 → 2.
pub fn hundredths(minutes: i64) -> i64 {
    round_half_up(minutes * 100, 60)
}

/// Hundredths of an hour as payroll takes them: 750 → "7.50".
pub fn text(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.abs();
    format!("{sign}{}.{:02}", h / 100, h % 100)
}

/// Each day's share of a person's rounded hours of one code, the days'
/// minutes in order: the running total rounded, less the one before, so the
/// days add up to the period's minutes rounded once and each day is within
/// a hundredth of its own minutes.
pub fn spread(days: &[i64]) -> Vec<i64> {
    let mut run = 0;
    days.iter()
        .map(|m| {
            let before = hundredths(run);
            run += m;
            hundredths(run) - before
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_round_once_half_up() {
        for (minutes, want) in [
            (450, "7.50"),
            (7, "0.12"),
            (1, "0.02"),
            (0, "0.00"),
            (20, "0.33"),
            (21, "0.35"),
        ] {
            assert_eq!(text(hundredths(minutes)), want, "{minutes}");
        }
    }

    /// Three days of 20 minutes: each rounded alone is 0.33 (0.99 in all);
    /// the hour they make is 1.00, and the spread days add up to it.
    #[test]
    fn the_days_add_up_to_the_period_rounded_once() {
        let days = [20, 20, 20];
        let alone: i64 = days.iter().map(|m| hundredths(*m)).sum();
        assert_eq!(alone, 99, "rounding each day drifts");
        let shares = spread(&days);
        assert_eq!(shares.iter().sum::<i64>(), hundredths(60));
        for (s, m) in shares.iter().zip(days) {
            assert!((s - hundredths(m)).abs() <= 1, "{shares:?}");
        }
        assert_eq!(spread(&[]), Vec::<i64>::new());
    }
}

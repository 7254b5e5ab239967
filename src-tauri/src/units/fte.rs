//! FTE in hundredths (0.90 FTE is 90), and what an FTE means for each use.
//!
//! Decided deliberately, one meaning per use:
//! - **A period's target** (the grid's hours column, the Fill, the sample's
//!   rota): 1.0 FTE is 80 paid hours per 14 days, so a person owes
//!   `FTE × 80 h × days ÷ 14` of the days they are at work, rounded down to
//!   the minute (a target is never more than the FTE asks).
//! - **A week's limit** (the Fill's candidates): the department's weekly
//!   hours limit scaled by the FTE (`limit × FTE`), rounded down.
//! - **Scheduled FTE** (the cost dialog): paid hours over the period against
//!   80 h per 14 days, rounded half up to the hundredth.
//! - **The budget's worked and paid FTE**: 1.0 FTE is 2,080 paid hours a
//!   year, so a month's FTE is `hours × 365 ÷ (2,080 × days in the month)`,
//!   rounded half away from zero. Over a year the two meanings agree (80 h ×
//!   26 = 2,080 h); within a month they differ by design, as finance counts.
//!
//! A negative FTE (never accepted by a form) owes nothing: its targets and
//! limits are zero.

use super::cents::div_round;

/// 1.0 FTE is 80 paid hours in 14 days (2,080 a year).
pub const FTE_MINUTES_PER_14_DAYS: i64 = 80 * 60;
/// Paid hours of 1.0 FTE in a year, as the budget counts.
pub const FTE_HOURS_PER_YEAR: i64 = 2_080;

/// An FTE in hundredths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fte(pub i64);

/// `numerator / denominator` rounded down for non-negative values,
/// saturating at `i64::MAX`.
fn floor_div(numerator: i128, denominator: i128) -> i64 {
    (numerator / denominator).clamp(0, i64::MAX as i128) as i64
}

impl Fte {
    /// Minutes owed over `days_at_work` days of a period: 80 h per 14 days
    /// at 1.0, rounded down; zero for no FTE.
    pub fn period_target_minutes(self, days_at_work: i64) -> i64 {
        if self.0 <= 0 || days_at_work <= 0 {
            return 0;
        }
        // Two i64 factors and a small constant can exceed i128: saturate.
        (self.0 as i128 * FTE_MINUTES_PER_14_DAYS as i128)
            .checked_mul(days_at_work as i128)
            .map_or(i64::MAX, |n| floor_div(n, 14 * 100))
    }

    /// The department's weekly hours limit scaled by this FTE, rounded down.
    pub fn weekly_limit_minutes(self, limit_minutes: i64) -> i64 {
        if self.0 <= 0 || limit_minutes <= 0 {
            return 0;
        }
        floor_div(limit_minutes as i128 * self.0 as i128, 100)
    }

    /// The FTE that `paid_minutes` over a period of `period_days` days
    /// amounts to (80 h per 14 days), rounded half up; zero for no days.
    pub fn scheduled(paid_minutes: i64, period_days: i64) -> Fte {
        if period_days <= 0 {
            return Fte(0);
        }
        Fte(div_round(
            paid_minutes as i128 * 100 * 14,
            FTE_MINUTES_PER_14_DAYS as i128 * period_days as i128,
        ))
    }

    /// The share of full-time hours over `days` days (80 h per 14) that
    /// `minutes` are, rounded down: how the Fill's review sizes an agency or
    /// per diem person's hours.
    pub fn share_of_full_time(minutes: i64, days: i64) -> Fte {
        let full_time = (FTE_MINUTES_PER_14_DAYS as i128 * days as i128 / 14).max(1);
        Fte(floor_div(minutes as i128 * 100, full_time))
    }

    /// The budget's FTE for a month's paid or worked minutes: 2,080 h a
    /// year, rounded half away from zero; zero for a month of no days.
    pub fn from_month_minutes(minutes: i64, days_in_month: i64) -> Fte {
        if days_in_month <= 0 {
            return Fte(0);
        }
        Fte(div_round(
            minutes as i128 * 100 * 365,
            60 * FTE_HOURS_PER_YEAR as i128 * days_in_month as i128,
        ))
    }

    /// "0.90", "1.00", "22.40", "-0.10".
    pub fn text(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
#[path = "fte_tests.rs"]
mod tests;

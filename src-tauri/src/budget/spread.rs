//! Spreading an annual amount over the twelve months of a fiscal year.
//!
//! The rule, stated once: each month gets the whole-cent floor of its exact
//! share (annual × weight ÷ total weight); the cents left over (fewer than
//! twelve) go one each to the months with the largest remainders, ties to the
//! earlier month (largest-remainder method). So the twelve months always add
//! up exactly to the annual amount, and no month differs from its exact share
//! by a cent or more.
//!
//! Weights: `Even` gives every month 1; `Days` gives each its number of days
//! (a leap February counts 29); `Typed` keeps the months as typed, and the
//! annual amount is their sum.

use super::Spread;

/// `annual` shared out in proportion to `weights` (largest remainder).
/// All-zero weights share evenly.
pub fn by_weights(annual: i64, weights: &[i64; 12]) -> [i64; 12] {
    let total: i128 = weights.iter().map(|&w| w as i128).sum();
    if total == 0 {
        return by_weights(annual, &[1; 12]);
    }
    let mut months = [0_i64; 12];
    let mut remainders = [(0_i128, 0_usize); 12];
    for (i, &w) in weights.iter().enumerate() {
        let exact = annual as i128 * w as i128;
        months[i] = (exact / total) as i64;
        remainders[i] = (exact % total, i);
    }
    let left = annual - months.iter().sum::<i64>();
    // Largest remainder first; equal remainders in month order.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(left as usize) {
        months[i] += 1;
    }
    months
}

/// The months of a line whose spread is `Even` or `Days`; `days` holds the
/// number of days of each month of the fiscal year.
pub fn spread(annual: i64, how: Spread, days: &[i64; 12], typed: &[i64; 12]) -> [i64; 12] {
    match how {
        Spread::Even => by_weights(annual, &[1; 12]),
        Spread::Days => by_weights(annual, days),
        Spread::Typed => *typed,
    }
}

/// A budget carried into the next year with an adjustment of `bp` basis
/// points: the annual amount is `annual × (10 000 + bp) ÷ 10 000` rounded half
/// away from zero; the months keep last year's shape (largest remainder over
/// last year's months as weights), so a typed seasonal spread stays seasonal.
pub fn adjusted(annual: i64, months: &[i64; 12], bp: i64) -> (i64, [i64; 12]) {
    let new_annual = super::money::div_round(annual as i128 * (10_000 + bp) as i128, 10_000);
    (new_annual, by_weights(new_annual, months))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAYS_FY_JULY_2026: [i64; 12] = [31, 31, 30, 31, 30, 31, 31, 28, 31, 30, 31, 30];

    #[test]
    fn one_hundred_dollars_over_twelve_months() {
        // 10 000 ¢ ÷ 12 = 833 r 4: every month gets 833 ¢, the 4 cents left
        // go to the first four months (equal remainders, earlier first):
        // 4 × 834 + 8 × 833 = 3 336 + 6 664 = 10 000.
        let m = by_weights(10_000, &[1; 12]);
        assert_eq!(m[..4], [834; 4]);
        assert_eq!(m[4..], [833; 8]);
        assert_eq!(
            m.iter().sum::<i64>(),
            10_000,
            "the months add up to the year"
        );
    }

    #[test]
    fn five_cents_over_twelve_months() {
        // 5 ÷ 12 = 0 r 5: the first five months get a cent, the rest nothing.
        let m = by_weights(5, &[1; 12]);
        assert_eq!(m, [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn by_days_in_the_month() {
        // $3,650.00 over 365 days is exactly $10.00 a day: July (31 d)
        // 31 000 ¢, September (30 d) 30 000 ¢, February (28 d) 28 000 ¢.
        let m = by_weights(365_000, &DAYS_FY_JULY_2026);
        assert_eq!(m[0], 31_000);
        assert_eq!(m[2], 30_000);
        assert_eq!(m[7], 28_000);
        // $100.00 by days, exact shares 10 000 × days ÷ 365:
        //   31-day months 310 000 ÷ 365 = 849 r 115 (seven of them: 5 943)
        //   30-day months 300 000 ÷ 365 = 821 r 335 (four of them: 3 284)
        //   February      280 000 ÷ 365 = 767 r 45
        // floors 5 943 + 3 284 + 767 = 9 994; 6 cents left go to the largest
        // remainders: the four 30-day months (335), then the two earliest
        // 31-day months, July and August (115).
        let m = by_weights(10_000, &DAYS_FY_JULY_2026);
        assert_eq!(m.iter().sum::<i64>(), 10_000);
        assert_eq!(
            [m[0], m[1], m[3]],
            [850, 850, 849],
            "July and August get a cent"
        );
        assert_eq!(
            [m[2], m[4], m[9], m[11]],
            [822; 4],
            "30-day months get the cents"
        );
        assert_eq!(m[7], 767, "February: 280 000 ÷ 365 = 767.12 → 767");
    }

    #[test]
    fn awkward_amounts_always_add_up() {
        for annual in [
            0,
            1,
            5,
            11,
            12,
            13,
            10_000,
            99_999,
            123_456_789,
            100_000_000_000,
        ] {
            for weights in [
                [1; 12],
                DAYS_FY_JULY_2026,
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7],
            ] {
                let m = by_weights(annual, &weights);
                assert_eq!(m.iter().sum::<i64>(), annual, "{annual} over {weights:?}");
                assert!(m.iter().all(|&c| c >= 0), "no month goes negative");
            }
        }
    }

    #[test]
    fn copy_with_an_adjustment_keeps_the_shape() {
        // $1,200.00 with +3.5 %: 120 000 × 10 350 ÷ 10 000 = 124 200 ¢.
        // Last year's months were even (10 000 each): 10 350 each.
        let (annual, m) = adjusted(120_000, &[10_000; 12], 350);
        assert_eq!(annual, 124_200);
        assert_eq!(m, [10_350; 12]);
        // $0.05 with -2 %: 5 × 9 800 ÷ 10 000 = 4.9 → rounds to 5 ¢.
        let (annual, m) = adjusted(5, &[1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], -200);
        assert_eq!(annual, 5);
        assert_eq!(m.iter().sum::<i64>(), 5);
        // A seasonal (typed) line: all in December stays all in December.
        let mut december = [0; 12];
        december[5] = 50_000;
        let (annual, m) = adjusted(50_000, &december, 1_000);
        assert_eq!(annual, 55_000);
        assert_eq!(m[5], 55_000);
    }
}

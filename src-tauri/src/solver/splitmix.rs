//! SplitMix64, the one seeded generator of the search, the sample department
//! and the tests: tiny, fixed forever (so the sample and a test's seed never
//! change with a crate upgrade) and without a dependency. It lives in the
//! solver, which may import nothing of the app, so that everyone can use it;
//! the search draws from it through [`super::rng`], which maps to a range by
//! multiply-and-shift.

/// A SplitMix64 stream from a seed.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (by remainder); 0 when `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`; `lo` when `hi < lo`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi < lo {
            return lo;
        }
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    /// A number in `low..=high`; `low` when `high < low`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high.saturating_sub(low) + 1)
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One of `items`, which must not be empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_is_splitmix64_fixed_forever() {
        // The reference values of SplitMix64 from seed 0 (Vigna's splitmix64.c).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        let mut a = SplitMix64::new(42);
        let mut b = SplitMix64::new(42);
        assert!(
            (0..100).all(|_| a.next_u64() == b.next_u64()),
            "a seed replays"
        );
    }

    #[test]
    fn ranges_hold_their_ends_and_empty_ones_do_not_divide_by_zero() {
        let mut r = SplitMix64::new(7);
        for _ in 0..1_000 {
            assert!((3..=5).contains(&r.range(3, 5)));
            assert!(r.below(4) < 4);
        }
        assert_eq!(r.range(9, 9), 9, "a range of one");
        assert_eq!(r.range(9, 2), 9, "an empty range gives its start");
        assert_eq!(r.below(0), 0, "nothing to pick from");
        assert_eq!(r.between(4, 4), 4);
        assert_eq!(r.between(4, 1), 4, "an empty range gives its start");
        assert!(!r.chance(0) && r.chance(100), "never and always");
    }
}

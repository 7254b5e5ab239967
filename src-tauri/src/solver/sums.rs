//! The minute totals that what is left of each shift type's maximum can
//! still make (issue #23): a necessary check the exact row search
//! ([`super::exact`]) makes at every step, beside the table of what the
//! rest of the row can reach ([`super::reach`]), which leaves the type
//! maxima out when counting them would not fit in memory.
//!
//! With an exact or narrow minute window, the maxima decide which totals
//! remain possible: 360- and 480-minute shifts, the 360s capped at 31, can
//! make 62,400 minutes only with a multiple of four 360s. A row that took a
//! 29th one early is lost, but without this check the search learns it only
//! at the end of the year, and then backtracks for ever. The totals are a
//! bit set in units of the types' common divisor, built by adding each type
//! in chunks of 1, 2, 4… shifts up to what is left of its maximum, so one
//! check costs a few dozen shifts of a few dozen words.

use super::reach::{any_in, or_shifted};

pub(crate) struct Sums {
    /// Minutes are counted in units of this (the gcd of the types' lengths).
    unit: u32,
    /// Each workable type's length in units (0 for the others).
    lengths: Vec<usize>,
    /// Scratch: the totals made so far.
    set: Vec<u64>,
    chunk: Vec<u64>,
    /// Scratch: the fewest shifts that make each total.
    fewest: Vec<u16>,
}

impl Sums {
    /// For the types of `minutes` with a positive maximum in `max_per_shift`.
    pub fn new(minutes: &[u32], max_per_shift: &[u32]) -> Sums {
        let workable = || {
            minutes
                .iter()
                .zip(max_per_shift)
                .filter(|(_, &max)| max > 0)
                .map(|(&m, _)| m)
        };
        let unit = workable().fold(0, gcd).max(1);
        let lengths = minutes
            .iter()
            .zip(max_per_shift)
            .map(|(&m, &max)| if max > 0 { (m / unit) as usize } else { 0 })
            .collect();
        Sums {
            unit,
            lengths,
            set: Vec::new(),
            chunk: Vec::new(),
            fewest: Vec::new(),
        }
    }

    /// Whether some counts within `left[t]` of each type, at most `shifts`
    /// in all, add up to a total in `low..=high` minutes.
    pub fn reachable(&mut self, left: &[u32], low: u32, high: u32, shifts: u32) -> bool {
        if low == 0 {
            return true;
        }
        if low > high {
            return false;
        }
        let (low, high) = (
            low.div_ceil(self.unit) as usize,
            (high / self.unit) as usize,
        );
        if low > high {
            return false;
        }
        let words = high / 64 + 1;
        self.set.clear();
        self.set.resize(words, 0);
        self.chunk.resize(words, 0);
        self.set[0] = 1;
        for (&length, &count) in self.lengths.iter().zip(left) {
            if length == 0 || count == 0 {
                continue;
            }
            // Chunks of 1, 2, 4… and the rest make every count up to `count`.
            let (mut taken, mut size) = (0u32, 1u32);
            while taken < count {
                let take = size.min(count - taken);
                let by = take as usize * length;
                if by > high {
                    break;
                }
                self.chunk.copy_from_slice(&self.set);
                or_shifted(&mut self.set, &self.chunk, by);
                taken += take;
                size *= 2;
            }
        }
        if !any_in(&self.set, low, high) {
            return false;
        }
        // The count binds only when the shortest type would need more.
        let shortest = self
            .lengths
            .iter()
            .zip(left)
            .filter(|&(&l, &n)| l > 0 && n > 0)
            .map(|(&l, _)| l)
            .min()
            .unwrap_or(1);
        if shifts as usize >= high.div_ceil(shortest) {
            return true;
        }
        self.fewest_within(left, low, high, shifts)
    }

    /// Whether a total in `low..=high` units takes at most `shifts` shifts,
    /// by the fewest shifts each total takes (chunks as above).
    fn fewest_within(&mut self, left: &[u32], low: usize, high: usize, shifts: u32) -> bool {
        const NONE: u16 = u16::MAX;
        self.fewest.clear();
        self.fewest.resize(high + 1, NONE);
        self.fewest[0] = 0;
        for (&length, &count) in self.lengths.iter().zip(left) {
            if length == 0 || count == 0 {
                continue;
            }
            let (mut taken, mut size) = (0u32, 1u32);
            while taken < count {
                let take = size.min(count - taken);
                let by = take as usize * length;
                if by > high {
                    break;
                }
                for x in (by..=high).rev() {
                    let from = self.fewest[x - by];
                    if from != NONE {
                        let with = from.saturating_add(take as u16);
                        if with < self.fewest[x] {
                            self.fewest[x] = with;
                        }
                    }
                }
                taken += take;
                size *= 2;
            }
        }
        self.fewest[low..=high]
            .iter()
            .any(|&n| u32::from(n) <= shifts)
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::Sums;

    #[test]
    fn a_total_only_some_counts_make_is_found_or_refused() {
        // 360s capped at 31 and 480s at 130 make 62,400 only with a
        // multiple of four 360s.
        let mut sums = Sums::new(&[360, 480], &[31, 130]);
        assert!(sums.reachable(&[31, 130], 62_400, 62_400, 200));
        assert!(
            sums.reachable(&[3, 130], 62_400, 62_400, 200),
            "no 360s at all"
        );
        assert!(
            !sums.reachable(&[2, 130], 51_960, 51_960, 200),
            "29 taken: the 51,960 left needs a third 360"
        );
        assert!(
            sums.reachable(&[2, 130], 51_840, 51_960, 200),
            "a window of 240"
        );
    }

    #[test]
    fn the_boundary_totals_are_reachable_and_one_past_is_not() {
        let mut sums = Sums::new(&[600, 420, 0], &[3, 2, 5]);
        assert!(
            sums.reachable(&[3, 2, 5], 2_640, 2_640, 5),
            "every shift left"
        );
        assert!(
            !sums.reachable(&[3, 2, 5], 2_641, 3_000, 5),
            "one minute more"
        );
        assert!(sums.reachable(&[0, 0, 5], 0, 0, 0), "nothing needed");
        assert!(
            !sums.reachable(&[0, 0, 5], 1, 600, 9),
            "nothing left to give"
        );
        assert!(!sums.reachable(&[3, 2, 5], 500, 400, 9), "an empty window");
        assert!(
            !sums.reachable(&[3, 2, 5], 2_640, 2_640, 4),
            "every shift left is five shifts, one more than the row can hold"
        );
    }

    #[test]
    fn a_total_too_many_short_shifts_make_is_refused() {
        // 4,200 minutes in at most 8 shifts: seven 600s, but six are left;
        // ten 420s are two too many (issue #23, seed 690 of the bench).
        let mut sums = Sums::new(&[420, 600, 510], &[80, 6, 1]);
        assert!(!sums.reachable(&[80, 6, 1], 4_200, 4_200, 8));
        assert!(sums.reachable(&[80, 6, 1], 4_200, 4_200, 10), "ten 420s");
        assert!(sums.reachable(&[80, 7, 1], 4_200, 4_200, 8), "seven 600s");
    }
}

//! What the rest of the horizon can still hold for one person (issue #23):
//! a table, built backwards from the last day, of every total of minutes a
//! valid remainder of the row can add, and the fewest weekends it must
//! work, from each state a prefix can end in. The state is what the rules
//! that look back need: the last cell, how long its run of work or days
//! off has lasted, and whether that run began on the first day (a run
//! touching either end of the horizon is not held to a minimum, as the
//! format defines). The row planner ([`super::row`]) follows it, so that a
//! minute window a few minutes wide, over a year of shifts of several
//! lengths, is met on purpose rather than by a lucky guess at the end.
//!
//! The table keeps the run, succession, day-off, weekend, minute and
//! per-type rules exactly (the weekends and the type maxima when they bind
//! and the table fits); the total shift counts, the windows and two-day
//! successions it leaves to the planner's own checks, so a prefix it
//! rejects truly has no valid completion.
//!
//! A type whose maximum binds is counted rather than summed into minutes:
//! an entry of the table is a vector (how many of each such type, and the
//! minutes of the other types in units), laid out in mixed radix with the
//! minutes as the lowest digit, so that adding a cell is a shift of the
//! whole bit set (masked first, so that a full digit does not carry into
//! the next). A window a few minutes wide that only the most of each type
//! can reach then holds from the first day (issue #23: seed 38 of the
//! 52-week generated instances was declared impossible).

use super::model::Model;
use super::row::Rules;
use std::time::Instant;

/// The most words of table built for one person (64 MB); past it the
/// weekend limit, or a type's maximum, is left out of the table (kept by the
/// planner's checks).
const MAX_WORDS: usize = 8 << 20;
/// The most entries per state: each check of a prefix looks at them all.
const MAX_ENTRIES: usize = 1 << 16;

pub(crate) struct Reach {
    days: usize,
    /// Cells: 0 is a day off, `1 + s` shift `s`.
    cells: usize,
    /// Run lengths tracked, 1..=`runs`.
    runs: usize,
    /// Minutes of the types not counted are in units of this (the gcd of
    /// their lengths).
    unit: u32,
    /// How far each cell shifts an entry: its minutes in units, or one in
    /// its type's digit if counted (0 for a day off, and for every cell
    /// that neither is counted nor has minutes that can bind).
    steps: Vec<usize>,
    /// Per cell, the entries it may be added to without a digit carrying
    /// (none when nothing can carry).
    masks: Vec<Option<Vec<u64>>>,
    /// Counted types: (shift, maximum, stride of its digit).
    counted: Vec<(usize, usize, usize)>,
    /// Minutes of each shift type.
    shift_minutes: Vec<u32>,
    /// Entries per state: the product of the digits' sizes.
    entries: usize,
    /// Size of the minutes digit (1 when the minutes cannot bind).
    minute_digits: usize,
    words: usize,
    /// `bits[(day * states + state) * words ..]`: the entries a valid
    /// remainder after `day` can add from `state`.
    bits: Vec<u64>,
    /// The same for the whole row, before day 0.
    root: Vec<u64>,
    /// Weekends tracked, 0..=`weekends` worked so far; none when the limit
    /// cannot bind (or tracking it would not fit in memory).
    weekends: Option<usize>,
    /// The longest run of work (runs up to it are tracked exactly); none
    /// when it cannot bind.
    max_work: Option<usize>,
    min_work: usize,
    min_off: usize,
    min_minutes: u32,
    max_minutes: u32,
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Whether any bit in `low..=high` is set.
pub(super) fn any_in(bits: &[u64], low: usize, high: usize) -> bool {
    let high = high.min(bits.len() * 64 - 1);
    let mut i = low;
    while i <= high {
        let word = bits[i / 64] >> (i % 64);
        if word != 0 {
            return i + word.trailing_zeros() as usize <= high;
        }
        i = (i / 64 + 1) * 64;
    }
    false
}

/// `into |= from << by`, dropping what passes the end.
pub(super) fn or_shifted(into: &mut [u64], from: &[u64], by: usize) {
    let (words, bits) = (by / 64, by % 64);
    for i in (words..into.len()).rev() {
        let j = i - words;
        let mut v = from[j] << bits;
        if bits > 0 && j > 0 {
            v |= from[j - 1] >> (64 - bits);
        }
        into[i] |= v;
    }
}

impl Reach {
    /// The table for `staff`; none if `deadline` passed while building it.
    pub fn new(rules: &Rules, staff: usize, deadline: Option<Instant>) -> Option<Reach> {
        let model: &Model = rules.model;
        let c = &model.staff[staff].contract;
        let days = model.days;
        let n = model.shifts.len();
        let cells = n + 1;
        let workable: Vec<usize> = (0..n).filter(|&s| c.max_per_shift[s] > 0).collect();
        let longest = workable
            .iter()
            .map(|&s| model.shifts[s].minutes)
            .max()
            .unwrap_or(0);
        let binds =
            c.min_minutes > 0 || u64::from(c.max_minutes) < days as u64 * u64::from(longest);
        // A maximum as long as the horizon cannot bind, and tracking runs
        // that long would make the table as long again.
        let max_work = c.max_consecutive_work as usize;
        let max_binds = max_work < days;
        let min_work = (c.min_consecutive_work as usize).min(days);
        let min_off = (c.min_consecutive_off as usize).min(days);
        let runs = if max_binds { max_work } else { 1 }
            .max(min_work)
            .max(min_off)
            .max(1);
        // The minutes digit when `counted` types are counted instead.
        let minute_digit = |counted: &[usize]| -> (u32, usize) {
            let unit = workable
                .iter()
                .filter(|s| !counted.contains(s))
                .fold(0, |g, &s| gcd(g, model.shifts[s].minutes));
            // Every type counted: the counts make the minutes.
            let unit = if unit == 0 { u32::MAX } else { unit };
            let top = if binds {
                (c.max_minutes / unit) as usize
            } else {
                0
            };
            (unit, top + 1)
        };
        let in_horizon = (5..days).step_by(7).count();
        let base = cells * runs * 2;
        let words_of = |entries: usize| entries / 64 + 1;
        let mut weekends = (c.max_weekends as usize) < in_horizon;
        let (_, plain) = minute_digit(&[]);
        if weekends && days * base * (c.max_weekends as usize + 1) * words_of(plain) > MAX_WORDS {
            weekends = false;
        }
        let tracked = if weekends { c.max_weekends as usize } else { 0 };
        let states = base * (tracked + 1);
        // Types whose maximum binds (fewer than the days they could be
        // worked), the tightest first, counted while the table fits.
        let mut binding: Vec<usize> = workable
            .iter()
            .copied()
            .filter(|&s| {
                let open = (0..days).filter(|&d| rules.allowed(staff, d, s)).count();
                (c.max_per_shift[s] as usize) < open
            })
            .collect();
        binding.sort_by_key(|&s| c.max_per_shift[s]);
        let mut counted: Vec<usize> = Vec::new();
        for s in binding {
            let mut with = counted.clone();
            with.push(s);
            let (_, minutes) = minute_digit(&with);
            let entries: usize = with
                .iter()
                .map(|&t| c.max_per_shift[t] as usize + 1)
                .product::<usize>()
                * minutes;
            if entries <= MAX_ENTRIES && days * states * words_of(entries) <= MAX_WORDS {
                counted = with;
            }
        }
        let (unit, minute_digits) = minute_digit(&counted);
        let mut stride = minute_digits;
        let counted: Vec<(usize, usize, usize)> = counted
            .into_iter()
            .map(|s| {
                let max = c.max_per_shift[s] as usize;
                let digit = (s, max, stride);
                stride *= max + 1;
                digit
            })
            .collect();
        let entries = stride;
        let words = words_of(entries);
        let steps: Vec<usize> = (0..cells)
            .map(|cell| match cell {
                0 => 0,
                _ => match counted.iter().find(|d| d.0 == cell - 1) {
                    Some(&(_, _, stride)) => stride,
                    None if binds => (model.shifts[cell - 1].minutes / unit) as usize,
                    None => 0,
                },
            })
            .collect();
        // An entry may take a cell when the cell's digit does not pass its
        // top: counted types below their maximum, minutes within the limit.
        let masks = (0..cells)
            .map(|cell| {
                if counted.is_empty() || steps[cell] == 0 {
                    return None;
                }
                let mut mask = vec![0u64; words];
                for entry in 0..entries {
                    let fits = match counted.iter().find(|d| d.0 == cell - 1) {
                        Some(&(_, max, stride)) => entry / stride % (max + 1) < max,
                        None => entry % minute_digits + steps[cell] < minute_digits,
                    };
                    if fits {
                        mask[entry / 64] |= 1 << (entry % 64);
                    }
                }
                Some(mask)
            })
            .collect();
        let mut reach = Reach {
            days,
            cells,
            runs,
            unit,
            steps,
            masks,
            counted,
            shift_minutes: model.shifts.iter().map(|s| s.minutes).collect(),
            entries,
            minute_digits,
            words,
            bits: vec![0; days * states * words],
            root: vec![0; words],
            weekends: weekends.then_some(tracked),
            max_work: max_binds.then_some(max_work),
            min_work,
            min_off,
            min_minutes: c.min_minutes,
            max_minutes: c.max_minutes,
        };
        // After the last day nothing is left to add, from any state.
        let last = days - 1;
        for state in 0..states {
            reach.bits[(last * states + state) * words] = 1;
        }
        let mut scratch = vec![0u64; words];
        let mut masked = vec![0u64; words];
        for day in (0..last).rev() {
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return None;
            }
            let next = day + 1;
            for state in 0..states {
                scratch.iter_mut().for_each(|w| *w = 0);
                for cell in 0..cells {
                    if let Some(to) = reach.step(rules, staff, Some(state), next, cell) {
                        let at = (next * states + to) * words;
                        reach.add(&mut scratch, &mut masked, at, cell);
                    }
                }
                let at = (day * states + state) * words;
                reach.bits[at..at + words].copy_from_slice(&scratch);
            }
        }
        let mut root = vec![0u64; words];
        for cell in 0..cells {
            if let Some(to) = reach.step(rules, staff, None, 0, cell) {
                reach.add(&mut root, &mut masked, to * words, cell);
            }
        }
        reach.root = root;
        Some(reach)
    }

    /// `into |= (the entries at `at`, masked for `cell`) + cell`.
    fn add(&self, into: &mut [u64], masked: &mut [u64], at: usize, cell: usize) {
        let from = &self.bits[at..at + self.words];
        match &self.masks[cell] {
            Some(mask) => {
                for ((m, f), k) in masked.iter_mut().zip(from).zip(mask) {
                    *m = f & k;
                }
                or_shifted(into, masked, self.steps[cell]);
            }
            None => or_shifted(into, from, self.steps[cell]),
        }
    }

    fn states(&self) -> usize {
        self.cells * self.runs * 2 * (self.weekends.unwrap_or(0) + 1)
    }

    /// The state after a day with `cell`, in a run `run` days long (which
    /// began on day 0 if `edge`), with `worked` weekends so far.
    fn state(&self, cell: usize, run: usize, edge: bool, worked: usize) -> usize {
        let worked = if self.weekends.is_some() { worked } else { 0 };
        ((worked * self.cells + cell) * self.runs + run.min(self.runs) - 1) * 2 + usize::from(edge)
    }

    fn unpack(&self, state: usize) -> (usize, usize, bool, usize) {
        let rest = state / 2;
        (
            rest / self.runs % self.cells,
            rest % self.runs + 1,
            state % 2 == 1,
            rest / self.runs / self.cells,
        )
    }

    /// Whether `cell` on `day` makes a new weekend worked, after `from`.
    fn weekend(&self, day: usize, from: Option<usize>, cell: usize) -> bool {
        cell > 0
            && match day % 7 {
                5 => true,
                6 => from.is_none_or(|s| self.unpack(s).0 == 0),
                _ => false,
            }
    }

    /// The state after putting `cell` on `day` following `from` (none on
    /// day 0), if the rules allow it.
    fn step(
        &self,
        rules: &Rules,
        staff: usize,
        from: Option<usize>,
        day: usize,
        cell: usize,
    ) -> Option<usize> {
        let value = cell.checked_sub(1);
        if !rules.allowed_cell(staff, day, value) {
            return None;
        }
        let worked =
            from.map_or(0, |f| self.unpack(f).3) + usize::from(self.weekend(day, from, cell));
        if self.weekends.is_some_and(|most| worked > most) {
            return None;
        }
        let Some(from) = from else {
            return Some(self.state(cell, 1, true, worked));
        };
        let (before, run, edge, _) = self.unpack(from);
        let (was_working, working) = (before > 0, cell > 0);
        if was_working && working {
            if !rules.may_follow(staff, day, before - 1, cell - 1)
                || self.max_work.is_some_and(|m| run + 1 > m)
            {
                return None;
            }
            return Some(self.state(cell, run + 1, edge, worked));
        }
        if was_working != working {
            let least = if was_working {
                self.min_work
            } else {
                self.min_off
            };
            if !edge && run < least {
                return None;
            }
            return Some(self.state(cell, 1, false, worked));
        }
        Some(self.state(cell, run + 1, edge, worked))
    }

    /// Whether `prefix` (the row's first days), with `minutes` and
    /// `weekends` worked, can still be completed.
    pub fn open(&self, prefix: &[Option<usize>], minutes: u32, weekends: u32) -> bool {
        if self.weekends.is_some_and(|most| weekends as usize > most) {
            return false;
        }
        let bits = match prefix.len() {
            0 => &self.root[..],
            len => {
                let day = len - 1;
                let cell = prefix[day].map_or(0, |s| s + 1);
                let kind = prefix[day].is_some();
                let mut start = day;
                while start > 0 && prefix[start - 1].is_some() == kind {
                    start -= 1;
                }
                let state = self.state(cell, day - start + 1, start == 0, weekends as usize);
                let at = (day * self.states() + state) * self.words;
                &self.bits[at..at + self.words]
            }
        };
        if minutes > self.max_minutes {
            return false;
        }
        // Each vector of counts the prefix leaves room for, with the range
        // of minutes of the other types that then ends within the limits.
        let used: Vec<usize> = self
            .counted
            .iter()
            .map(|&(s, _, _)| prefix.iter().filter(|&&c| c == Some(s)).count())
            .collect();
        let mut entry = 0;
        while entry < self.entries {
            let mut counted_minutes = minutes;
            let mut room = true;
            for (&(s, max, stride), &used) in self.counted.iter().zip(&used) {
                let count = entry / stride % (max + 1);
                room &= used + count <= max;
                counted_minutes += count as u32 * self.shift_minutes[s];
            }
            if room && counted_minutes <= self.max_minutes {
                let low = self
                    .min_minutes
                    .saturating_sub(counted_minutes)
                    .div_ceil(self.unit) as usize;
                let high = ((self.max_minutes - counted_minutes) / self.unit) as usize;
                let high = high.min(self.minute_digits - 1);
                if low <= high && any_in(bits, entry + low, entry + high) {
                    return true;
                }
            }
            entry += self.minute_digits;
        }
        false
    }

    /// Whether any row at all keeps the rules the table holds.
    pub fn possible(&self) -> bool {
        self.days > 0 && self.open(&[], 0, 0)
    }
}

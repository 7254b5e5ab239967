//! Random instances of the Curtois format that are feasible by construction
//! (issue #23): each person's roster row is drawn first — runs of work and
//! of days off of random lengths, cut short at both ends of the horizon,
//! shifts of several lengths that respect the forbidden successions — and
//! their contract is then drawn around that row: minute windows from exact
//! to wide, run limits at or below what the row does, weekend limits at or
//! above, days off taken from the row's own days off (single days, whole
//! blocks, the first and last day). The row is the witness that the
//! contract can be met, so a solver that calls it impossible is wrong.
//! Every instance is written as text, so that the parser reads what the
//! format's files look like (`-0` included).
//!
//! [`tiny`] draws small instances with contracts not built around a row,
//! some impossible, for an exhaustive cross-check.

use crate::curtois_gen::Rng;

/// The largest instance [`witnessed`] may draw.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub max_weeks: usize,
    pub max_staff: usize,
    pub max_shifts: usize,
}

pub struct Witnessed {
    pub text: String,
    /// One row per person: a shift index (in file order) or none per day.
    pub rows: Vec<Vec<Option<usize>>>,
}

const LENGTHS: [u32; 10] = [240, 300, 360, 420, 450, 480, 480, 510, 600, 720];

fn shift_id(i: usize) -> String {
    ["E", "L", "D", "N"]
        .get(i)
        .map_or_else(|| format!("S{i}"), |s| s.to_string())
}

/// A zero as the published files sometimes write it.
fn count(rng: &mut Rng, n: usize) -> String {
    if n == 0 && rng.one_in(3) {
        "-0".into()
    } else {
        n.to_string()
    }
}

pub fn witnessed(size: Size, seed: u64) -> Witnessed {
    let mut rng = Rng::new(seed ^ 0x5EED_0F00_2323_4567);
    let weeks = rng.between(1, size.max_weeks.max(1));
    let mut days = weeks * 7;
    // The format starts on a Monday but may end on any day.
    if rng.one_in(6) {
        days -= rng.below(7);
    }
    let n = rng.between(1, size.max_shifts.max(1));
    let minutes: Vec<u32> = (0..n).map(|_| LENGTHS[rng.below(LENGTHS.len())]).collect();
    // forbidden[a][b]: b may not follow a the next day. A shift may always
    // follow itself, so a run can always go on.
    let mut forbidden = vec![vec![false; n]; n];
    for (a, row) in forbidden.iter_mut().enumerate() {
        for (b, cell) in row.iter_mut().enumerate() {
            *cell = a != b && rng.one_in(3);
        }
    }
    let staff = rng.between(1, size.max_staff.max(1));
    let mut text =
        format!("# Witnessed instance, seed {seed}\nSECTION_HORIZON\n{days}\n\nSECTION_SHIFTS\n");
    for a in 0..n {
        let banned: Vec<String> = (0..n).filter(|&b| forbidden[a][b]).map(shift_id).collect();
        text += &format!("{},{},{}\n", shift_id(a), minutes[a], banned.join("|"));
    }
    let mut rows = Vec::new();
    let mut staff_lines = String::new();
    let mut off_lines = String::new();
    for person in 0..staff {
        let row = draw_row(&mut rng, days, n, &forbidden);
        staff_lines += &contract_line(&mut rng, person, &row, &minutes);
        let off = days_off(&mut rng, &row);
        if !off.is_empty() || rng.one_in(2) {
            let off: Vec<String> = off.iter().map(usize::to_string).collect();
            off_lines += &format!(
                "P{person}{}{}\n",
                if off.is_empty() { "" } else { "," },
                off.join(",")
            );
        }
        rows.push(row);
    }
    text += &format!("\nSECTION_STAFF\n{staff_lines}\nSECTION_DAYS_OFF\n{off_lines}");
    for section in ["SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS"] {
        text += &format!("\n{section}\n");
        for person in 0..staff {
            for _ in 0..rng.below(days / 3 + 2) {
                let (day, shift) = (rng.below(days), rng.below(n));
                text += &format!(
                    "P{person},{day},{},{}\n",
                    shift_id(shift),
                    rng.between(1, 3)
                );
            }
        }
    }
    // Cover near what the witness gives, so the search has work to do.
    text += "\nSECTION_COVER\n";
    for day in 0..days {
        for shift in 0..n {
            let given = rows.iter().filter(|r| r[day] == Some(shift)).count();
            let need = (given + rng.below(3)).saturating_sub(1);
            let need = count(&mut rng, need);
            let under = if rng.one_in(4) {
                rng.between(1, 100)
            } else {
                100
            };
            text += &format!(
                "{day},{},{need},{under},{}\n",
                shift_id(shift),
                rng.between(1, 3)
            );
        }
    }
    Witnessed { text, rows }
}

/// One person's row: runs of work and days off of lengths drawn from the
/// person's own ranges, the first cut short at a random point (as if it
/// began before the horizon), the last cut by the horizon's end.
fn draw_row(rng: &mut Rng, days: usize, n: usize, forbidden: &[Vec<bool>]) -> Vec<Option<usize>> {
    let mut types: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        types.swap(i, rng.below(i + 1));
    }
    types.truncate(rng.between(1, n));
    let work_low = rng.between(1, 5);
    let work = (work_low, work_low + rng.below(4));
    let off_low = rng.between(1, 3);
    let off = (
        off_low,
        off_low + {
            let spread = if rng.one_in(4) { 12 } else { 4 };
            rng.below(spread)
        },
    );
    let mut row = Vec::with_capacity(days);
    let mut working = rng.one_in(2);
    let mut first = true;
    while row.len() < days {
        let (low, high) = if working { work } else { off };
        let mut length = rng.between(low, high);
        if first {
            length = rng.between(1, length);
            first = false;
        }
        let mut previous: Option<usize> = None;
        for _ in 0..length.min(days - row.len()) {
            if !working {
                row.push(None);
                continue;
            }
            let shift = match previous {
                Some(p) if !rng.one_in(3) => p,
                _ => {
                    let may: Vec<usize> = types
                        .iter()
                        .copied()
                        .filter(|&t| previous.is_none_or(|p| !forbidden[p][t]))
                        .collect();
                    may[rng.below(may.len())]
                }
            };
            row.push(Some(shift));
            previous = Some(shift);
        }
        working = !working;
    }
    row
}

/// Maximal runs of `row`: (first day, length, working).
pub fn runs(row: &[Option<usize>]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    for day in 0..row.len() {
        if day + 1 == row.len() || row[day + 1].is_some() != row[day].is_some() {
            out.push((start, day + 1 - start, row[day].is_some()));
            start = day + 1;
        }
    }
    out
}

/// Weekends with a shift on Saturday or Sunday, as the format counts them.
fn weekends(row: &[Option<usize>]) -> usize {
    (5..row.len())
        .step_by(7)
        .filter(|&sat| row[sat].is_some() || row.get(sat + 1).is_some_and(Option::is_some))
        .count()
}

/// A contract `row` keeps: each limit at the row's own value or beyond by a
/// random slack (none at all, often, so that limits are tight).
fn contract_line(rng: &mut Rng, person: usize, row: &[Option<usize>], minutes: &[u32]) -> String {
    let days = row.len();
    let n = minutes.len();
    let slack = |rng: &mut Rng, most: usize| {
        if rng.one_in(2) {
            0
        } else {
            rng.below(most + 1)
        }
    };
    let mut counts = vec![0usize; n];
    row.iter().flatten().for_each(|&s| counts[s] += 1);
    let maxima: Vec<String> = (0..n)
        .map(|t| {
            let max = if counts[t] > 0 {
                counts[t] + slack(rng, days)
            } else if rng.one_in(2) {
                0
            } else {
                rng.below(days + 1)
            };
            format!("{}={}", shift_id(t), count(rng, max))
        })
        .collect();
    let total: u32 = row.iter().flatten().map(|&s| minutes[s]).sum();
    let (min_minutes, max_minutes) = match rng.below(4) {
        // Exactly the row's minutes.
        0 => (total, total),
        // Within about one shift.
        1 => (
            total.saturating_sub(rng.below(481) as u32),
            total + rng.below(481) as u32,
        ),
        // Wide.
        2 => (
            total * rng.between(50, 100) as u32 / 100,
            total * rng.between(100, 150) as u32 / 100 + rng.below(2) as u32 * 480,
        ),
        _ => (0, total + rng.below(days * 480 + 1) as u32),
    };
    let runs = runs(row);
    let inside = |r: &&(usize, usize, bool)| r.0 > 0 && r.0 + r.1 < days;
    let longest = runs.iter().filter(|r| r.2).map(|r| r.1).max();
    let max_work = match longest {
        Some(l) => l + slack(rng, 2),
        None => rng.between(1, 7),
    };
    let shortest_work = runs
        .iter()
        .filter(inside)
        .filter(|r| r.2)
        .map(|r| r.1)
        .min();
    let min_work = match shortest_work {
        Some(s) => s.saturating_sub(slack(rng, 2)).max(1),
        None => rng.between(1, max_work),
    };
    let shortest_off = runs
        .iter()
        .filter(inside)
        .filter(|r| !r.2)
        .map(|r| r.1)
        .min();
    let min_off = match shortest_off {
        Some(s) => s.saturating_sub(slack(rng, 2)).max(1),
        None => rng.between(1, 4),
    };
    let max_weekends = weekends(row) + slack(rng, 2);
    format!(
        "P{person},{},{max_minutes},{min_minutes},{max_work},{min_work},{min_off},{}\n",
        maxima.join("|"),
        count(rng, max_weekends)
    )
}

/// Days off drawn from the row's own: none, a few single days, a whole
/// block, or every one; often with the first and last day when they are off.
fn days_off(rng: &mut Rng, row: &[Option<usize>]) -> Vec<usize> {
    let free: Vec<usize> = (0..row.len()).filter(|&d| row[d].is_none()).collect();
    if free.is_empty() {
        return Vec::new();
    }
    let mut off = match rng.below(4) {
        0 => Vec::new(),
        1 => (0..rng.between(1, row.len() / 7 + 1))
            .map(|_| free[rng.below(free.len())])
            .collect(),
        2 => {
            let blocks: Vec<_> = runs(row).into_iter().filter(|r| !r.2).collect();
            let (start, length, _) = blocks[rng.below(blocks.len())];
            (start..start + length).collect()
        }
        _ => free.clone(),
    };
    for edge in [0, row.len() - 1] {
        if row[edge].is_none() && rng.one_in(2) {
            off.push(edge);
        }
    }
    off.sort_unstable();
    off.dedup();
    off
}

/// A small instance (1–9 days, 1–2 shift types, 1–3 people) whose
/// contracts are drawn freely, so some cannot be met: small enough to try
/// every row of every person.
pub fn tiny(seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0x7111_7111_0000_0001);
    let days = if rng.one_in(3) {
        rng.between(1, 6)
    } else {
        rng.between(7, 9)
    };
    let n = rng.between(1, 2);
    let minutes: Vec<u32> = (0..n).map(|_| [240, 480, 600][rng.below(3)]).collect();
    let mut text = format!("SECTION_HORIZON\n{days}\nSECTION_SHIFTS\n");
    for (a, m) in minutes.iter().enumerate() {
        let banned = if n == 2 && a == 1 && rng.one_in(2) {
            "E"
        } else {
            ""
        };
        text += &format!("{},{m},{banned}\n", shift_id(a));
    }
    text += "SECTION_STAFF\n";
    let staff = rng.between(1, 3);
    for person in 0..staff {
        let maxima: Vec<String> = (0..n)
            .map(|t| format!("{}={}", shift_id(t), rng.below(days + 1)))
            .collect();
        let min_minutes = rng.below(days + 1) as u32 * 240;
        let max_minutes = min_minutes + rng.below(days + 1) as u32 * 240;
        text += &format!(
            "P{person},{},{max_minutes},{min_minutes},{},{},{},{}\n",
            maxima.join("|"),
            rng.between(1, days),
            rng.between(1, 4),
            rng.between(1, 4),
            rng.below(3)
        );
    }
    text += "SECTION_DAYS_OFF\n";
    for person in 0..staff {
        let off: Vec<String> = (0..days)
            .filter(|_| rng.one_in(4))
            .map(|d| format!(",{d}"))
            .collect();
        text += &format!("P{person}{}\n", off.concat());
    }
    text += "SECTION_SHIFT_ON_REQUESTS\nSECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n";
    for day in 0..days {
        for t in 0..n {
            text += &format!("{day},{},{},100,1\n", shift_id(t), rng.below(staff + 1));
        }
    }
    text
}

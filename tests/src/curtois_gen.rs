//! A deterministic generator of large instances in the Curtois benchmark
//! format, to check that the solver copes with much more than the shipped
//! twelve (issue #7: 52 weeks, 150 staff, 32 shift types) without running
//! out of memory or time. The instances look like the shipped ones: shift
//! types spread over the day with rest rules between them, contracts with
//! minimum and maximum minutes, runs and weekends, a few fixed days off,
//! on/off requests, and cover close to what the staff can give.

/// The one seeded generator (SplitMix64), so that the same arguments give
/// the same file on every machine.
pub use wardbook::solver::splitmix::SplitMix64 as Rng;

/// The instance text: `weeks` weeks, `staff` people, `shifts` shift types.
pub fn instance(weeks: usize, staff: usize, shifts: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0xC0FF_EE00_D15E_A5E5);
    let days = weeks * 7;
    let lengths = [360, 420, 480, 480, 480, 540, 600, 720];
    // Shift i starts at a time spread over the day, in minutes after midnight.
    let types: Vec<(String, u32, u32)> = (0..shifts)
        .map(|i| {
            let start = (i * 24 * 60 / shifts.max(1)) as u32;
            (format!("S{i}"), start, lengths[rng.below(lengths.len())])
        })
        .collect();
    let mut text =
        format!("# Generated: {weeks} weeks, {staff} staff, {shifts} shift types, seed {seed}\n");
    text += &format!("SECTION_HORIZON\n{days}\n\nSECTION_SHIFTS\n");
    for (id, start, length) in &types {
        // Fewer than 11 hours between the end of this shift and the start
        // of the other one the next day is forbidden.
        let end = start + length;
        let banned: Vec<&str> = types
            .iter()
            .filter(|(_, next_start, _)| next_start + 24 * 60 < end + 11 * 60)
            .map(|(id, _, _)| id.as_str())
            .collect();
        text += &format!("{id},{length},{}\n", banned.join("|"));
    }
    text += "\nSECTION_STAFF\n";
    let mut capacity = 0usize;
    for person in 0..staff {
        // Each person works 3–8 of the types; some types are capped.
        let mut maxima = vec![0usize; shifts];
        let kinds = (3 + rng.below(6)).min(shifts);
        for _ in 0..kinds {
            let t = rng.below(shifts);
            maxima[t] = if rng.below(4) == 0 { days / 7 } else { days };
        }
        if maxima.iter().all(|&m| m == 0) {
            maxima[0] = days;
        }
        let full_time = rng.below(5) != 0;
        let shifts_per_week = if full_time { 5 } else { 3 };
        let max_minutes = (days / 7 * shifts_per_week * 480) as u32;
        let min_minutes = max_minutes * 3 / 4;
        capacity += days / 7 * shifts_per_week;
        let maxima: Vec<String> = types
            .iter()
            .zip(&maxima)
            .map(|((id, _, _), m)| format!("{id}={m}"))
            .collect();
        text += &format!(
            "P{person},{},{max_minutes},{min_minutes},{},2,2,{}\n",
            maxima.join("|"),
            5 + rng.below(2),
            weeks * 2 / 3 + 1
        );
    }
    text += "\nSECTION_DAYS_OFF\n";
    for person in 0..staff {
        let mut off: Vec<usize> = (0..weeks / 4 + 1).map(|_| rng.below(days)).collect();
        off.sort_unstable();
        off.dedup();
        let off: Vec<String> = off.iter().map(usize::to_string).collect();
        text += &format!("P{person},{}\n", off.join(","));
    }
    for (section, weight) in [
        ("SECTION_SHIFT_ON_REQUESTS", 3),
        ("SECTION_SHIFT_OFF_REQUESTS", 3),
    ] {
        text += &format!("\n{section}\n");
        for person in 0..staff {
            for _ in 0..weeks {
                let (day, shift) = (rng.below(days), rng.below(shifts));
                text += &format!("P{person},{day},S{shift},{}\n", 1 + rng.below(weight));
            }
        }
    }
    // Cover about 90% of what the staff can give, spread over the types.
    text += "\nSECTION_COVER\n";
    let per_day = capacity * 9 / 10 / days.max(1);
    for day in 0..days {
        let mut need = vec![0u32; shifts];
        for _ in 0..per_day {
            need[rng.below(shifts)] += 1;
        }
        for (shift, n) in need.iter().enumerate() {
            text += &format!("{day},S{shift},{n},100,1\n");
        }
    }
    text
}

//! Weekends in the Fill's review: the people with an FTE whose weekends
//! are far from their share, which is the weekends the proposal gives
//! everyone with an FTE, divided in proportion to FTE (the Fill's
//! objective shares them so; the department's weekend rule caps each
//! person, hard). Per diem and agency staff have no share.

use crate::fill::department::Mapped;
use crate::schedule::rules::ScheduleContext;
use crate::solver::Roster;

/// Weekends this far from a person's share, or further, are named.
pub const FAR_WEEKENDS: f64 = 2.0;

/// One person's weekends against their share.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekendShare {
    pub staff: usize,
    pub weekends: u32,
    pub share: f64,
}

/// Everyone with an FTE (a target) and a shift in the period: their
/// weekends and their share of all of theirs.
pub fn shares(mapped: &Mapped, roster: &Roster) -> Vec<WeekendShare> {
    let model = &mapped.model;
    let counted: Vec<(usize, u32, u32)> = model
        .staff
        .iter()
        .enumerate()
        .filter_map(|(s, p)| {
            let target = p.target.as_ref()?;
            let row = &roster.cells[s];
            mapped
                .period()
                .any(|d| row[d].is_some())
                .then(|| (s, target.weekends(row), target.fte_hundredths))
        })
        .collect();
    let total: u32 = counted.iter().map(|c| c.1).sum();
    let fte: u32 = counted.iter().map(|c| c.2).sum();
    counted
        .into_iter()
        .map(|(staff, weekends, f)| WeekendShare {
            staff,
            weekends,
            share: if fte == 0 {
                0.0
            } else {
                f64::from(total) * f64::from(f) / f64::from(fte)
            },
        })
        .collect()
}

/// "Maria Lopez: 6 weekends, her share about 3 (FTE 1.0)": one line per
/// person [`FAR_WEEKENDS`] or more from their share, most off first.
pub fn far(ctx: &ScheduleContext, mapped: &Mapped, roster: &Roster) -> Vec<String> {
    let mut far: Vec<WeekendShare> = shares(mapped, roster)
        .into_iter()
        .filter(|w| (f64::from(w.weekends) - w.share).abs() >= FAR_WEEKENDS)
        .collect();
    far.sort_by(|a, b| {
        let off = |w: &WeekendShare| (f64::from(w.weekends) - w.share).abs();
        off(b).total_cmp(&off(a))
    });
    far.into_iter()
        .map(|w| {
            let facts = &ctx.staff[w.staff];
            let n = |k: u32| {
                if k == 1 {
                    "1 weekend".to_string()
                } else {
                    format!("{k} weekends")
                }
            };
            let off = weekends_off(mapped, w.staff);
            let kept = weekends_kept(mapped, w.staff);
            let person = &mapped.model.staff[w.staff];
            let full = person.target.as_ref().is_some_and(|t| {
                let worked = t.worked(&mapped.model, &roster.cells[w.staff]);
                let shortest = mapped.model.shifts.iter().map(|s| s.minutes).min().unwrap_or(0);
                worked + shortest > t.minutes
            });
            let why = if f64::from(w.weekends) > w.share && kept >= w.weekends {
                format!(
                    " — {} already on the schedule and kept; move them by hand, or run the Fill without keeping existing shifts, to share them",
                    if kept == 1 { "it was".to_string() } else { format!("all {kept} were") }
                )
            } else if f64::from(w.weekends) < w.share && off > 0 {
                format!(" — off (time off, leave or not employed) on {}", n(off))
            } else if f64::from(w.weekends) < w.share && full {
                " — their hours are already full with the weekday shifts kept on the schedule"
                    .to_string()
            } else {
                String::new()
            };
            format!(
                "{}: {} against a share of about {:.0} (FTE {:.2}){why}",
                facts.name,
                n(w.weekends),
                w.share,
                facts.fte_hundredths as f64 / 100.0,
            )
        })
        .collect()
}

/// The period's weekends on which the person has a shift the Fill keeps.
fn weekends_kept(mapped: &Mapped, staff: usize) -> u32 {
    let period = mapped.period();
    let mut weeks: Vec<usize> = mapped.model.staff[staff]
        .fixed
        .iter()
        .map(|&(d, _)| d)
        .filter(|&d| period.contains(&d) && crate::solver::Model::is_weekend(d))
        .map(|d| d / 7)
        .collect();
    weeks.sort_unstable();
    weeks.dedup();
    weeks.len() as u32
}

/// The period's weekends on which the person may not work at all (both
/// days, or the one in the period, are days off to the Fill).
fn weekends_off(mapped: &Mapped, staff: usize) -> u32 {
    let days_off = &mapped.model.staff[staff].days_off;
    let period = mapped.period();
    let mut weeks: Vec<usize> = period
        .clone()
        .filter(|&d| crate::solver::Model::is_weekend(d))
        .map(|d| d / 7)
        .collect();
    weeks.dedup();
    weeks
        .into_iter()
        .filter(|&week| {
            (week * 7 + 5..week * 7 + 7)
                .filter(|d| period.contains(d))
                .all(|d| days_off.contains(&d))
        })
        .count() as u32
}

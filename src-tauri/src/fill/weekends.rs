//! Weekends in the Fill's review: the people with an FTE whose weekends
//! are far from their share, which is the weekends the proposal gives
//! everyone with an FTE, divided in proportion to FTE (the Fill's
//! objective shares them so; the department's weekend rule caps each
//! person, hard), and scaled to the days of the period they are employed.
//! Per diem and agency staff have no share.

use crate::fill::department::Mapped;
use crate::schedule::rules::ScheduleContext;
use crate::solver::score::row_violations;
use crate::solver::{Room, Roster};

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
            // A person employed for part of the period (hired or leaving
            // in it) has that part of their FTE's share.
            let employed = mapped.employed_days.get(s).copied().unwrap_or(0);
            let fte = u64::from(target.fte_hundredths) * u64::from(employed)
                / (mapped.period_days.max(1) as u64);
            mapped
                .period()
                .any(|d| row[d].is_some())
                .then(|| (s, target.weekends(row), fte as u32))
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
            let why = format!(" — {}", why(ctx, mapped, roster, &w));
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

/// Why a person ends far from their share: every one named has a reason
/// (issue #21: Haddad, 0 weekends against about 4, had none).
fn why(ctx: &ScheduleContext, mapped: &Mapped, roster: &Roster, w: &WeekendShare) -> String {
    let n = |k: u32| {
        if k == 1 {
            "1 weekend".to_string()
        } else {
            format!("{k} weekends")
        }
    };
    let kept = weekends_kept(mapped, w.staff);
    if f64::from(w.weekends) > w.share {
        if kept >= w.weekends {
            return format!(
                "{} already on the schedule and kept; move them by hand, or run the Fill without keeping existing shifts, to share them",
                if kept == 1 { "it was".to_string() } else { format!("all {kept} were") }
            );
        }
        let given = w.weekends - kept;
        let kept = if kept == 0 {
            String::new()
        } else {
            format!("{} already on the schedule and kept; ", n(kept))
        };
        let others = others_could_take(mapped, roster, w.staff);
        return if others == 0 {
            format!(
                "{kept}nobody under their share of weekends could take the {} the Fill gave them without breaking a rule",
                n(given)
            )
        } else {
            format!(
                "{kept}of the {} the Fill gave them, {} shifts could go to someone under their share; the Fill weighed everyone's hours against the weekends (move them by hand, or raise Fairness)",
                n(given),
                others
            )
        };
    }
    let off = weekends_off(mapped, w.staff);
    if off > 0 {
        return format!("off (time off, leave or not employed) on {}", n(off));
    }
    let model = &mapped.model;
    let person = &model.staff[w.staff];
    let full = person.target.as_ref().is_some_and(|t| {
        let worked = t.worked(model, &roster.cells[w.staff]);
        let shortest = model.shifts.iter().map(|s| s.minutes).min().unwrap_or(0);
        worked + shortest > t.minutes
    });
    if full {
        // Said as it is: the weekday shifts that fill their hours may be
        // the Fill's own (a tester read "kept" of a night it had added).
        let added = mapped
            .period()
            .filter(|&d| !crate::solver::Model::is_weekend(d))
            .filter(|&d| {
                roster.cells[w.staff][d].is_some()
                    && mapped.current.cells[w.staff][d] != roster.cells[w.staff][d]
            })
            .count();
        return match added {
            0 => "their hours are already full with the weekday shifts kept on the schedule"
                .to_string(),
            1 => "their hours are already full with weekday shifts, 1 of them added by the Fill, which weighed their hours against the weekends (move one by hand, or raise Fairness)".to_string(),
            k => format!("their hours are already full with weekday shifts, {k} of them added by the Fill, which weighed their hours against the weekends (move one by hand, or raise Fairness)"),
        };
    }
    let wanted = |day: usize, shift: usize| {
        crate::solver::Model::is_weekend(day)
            && super::hours::under_target(mapped, roster, w.staff, day, shift)
    };
    match crate::solver::room(model, roster, w.staff, mapped.period(), &wanted) {
        Room::NoCell => {
            "no free day left that they can work (time off, a credential that blocks, or the shifts kept)"
                .to_string()
        }
        Room::Full => {
            "every weekend shift they could work is already staffed to its target".to_string()
        }
        Room::AtLimit { limits, every } => {
            let broken: Vec<String> = limits
                .iter()
                .map(|&(rule, _)| super::hours::limit_words(ctx, rule))
                .collect();
            let which = if every {
                "any other shift they could take"
            } else {
                "each weekend shift still short that they could work"
            };
            format!("{which} would break {}", broken.join(" or "))
        }
        Room::Free => "a weekend shift short of its target was open to them, but the Fill judged it dearer (their hours against their target, a request) or ran out of time".to_string(),
    }
}

/// Of the shifts the Fill gave `staff` on weekends (not kept ones), how
/// many someone under their share of weekends, free that day and meeting
/// every need of it that `staff` meets, could take within every rule.
fn others_could_take(mapped: &Mapped, roster: &Roster, staff: usize) -> u32 {
    let model = &mapped.model;
    let under: Vec<usize> = shares(mapped, roster)
        .into_iter()
        .filter(|o| o.staff != staff && f64::from(o.weekends) + 1.0 <= o.share)
        .map(|o| o.staff)
        .collect();
    let fixed = |d: usize| model.staff[staff].fixed.iter().any(|&(f, _)| f == d);
    let mut trial = roster.clone();
    let mut count = 0;
    for day in mapped
        .period()
        .filter(|&d| crate::solver::Model::is_weekend(d) && !fixed(d))
    {
        let Some(shift) = roster.cells[staff][day] else {
            continue;
        };
        trial.cells[staff][day] = None;
        let could = under.iter().any(|&p| {
            if roster.cells[p][day].is_some()
                || model.staff[p].contract.max_per_shift[shift] == 0
                || !model
                    .cover
                    .iter()
                    .filter(|c| c.day == day && c.shift == shift && model.qualifies(staff, c))
                    .all(|c| model.qualifies(p, c))
            {
                return false;
            }
            trial.cells[p][day] = Some(shift);
            let fits = row_violations(model, &trial, p).is_empty();
            trial.cells[p][day] = None;
            fits
        });
        trial.cells[staff][day] = Some(shift);
        if could {
            count += 1;
        }
    }
    count
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

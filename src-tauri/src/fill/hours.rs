//! A fill's hours per person against their FTE target, before and with the
//! proposal, and in plain words why someone ends far from it: what a
//! manager checks before publishing ("Aisha Zhang: BLS expired 15 Dec —
//! cannot be scheduled").

use crate::credentials::ExpiredAction;
use crate::fill::department::Mapped;
use crate::fill::weights::OVER_NEAR_MINUTES;
use crate::schedule::period_hours::{hourly, no_target, period_hours};
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::{format, Assignment, ScheduleContext, TimeOffStatus};
use crate::solver::score::row_violations;
use crate::solver::{room, Room, Roster, Rule};
use crate::staff::EmploymentType;
use crate::units::Fte;
use serde::Serialize;
use ts_rs::TS;

/// A person this far from their target (either way) is named in the
/// summary with the reason: one 8-hour shift.
pub const FAR_MINUTES: i64 = 8 * 60;

/// One person's hours in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FillHours {
    pub staff_id: i64,
    pub name: String,
    /// Paid minutes in the period (shifts and paid time off, as the grid's
    /// hours column) before the fill and with its proposal.
    pub before_minutes: i64,
    pub after_minutes: i64,
    /// Their FTE's share of the period; none for per diem and agency staff.
    pub target_minutes: Option<i64>,
    /// Why there is no target ("no LPN coverage set"), as the grid says it.
    pub no_target: Option<String>,
    /// Why they end at least [`FAR_MINUTES`] from their target (none when
    /// they are close to it or as close as their limits allow); for per
    /// diem and agency staff the Fill gave shifts, why each went to them.
    pub reason: Option<String>,
    /// Short of their target by less than one shift, and any other shift
    /// would break a limit of theirs: as close as the rules allow (a 0.9
    /// FTE on 12-hour shifts under a 40-hour week), so not named as far.
    pub at_limit: bool,
}

/// Why a person ends short of their target.
enum Short {
    Because(String),
    /// Less than one shift short, and no other shift fits their limits.
    AtLimit,
}

/// Everyone's hours, in `ctx.staff` order. `roster` is the proposal in the
/// model's terms, `proposed` the same as the period's assignments, `before`
/// the period as it stood.
pub fn hours(
    loaded: &Loaded,
    mapped: &Mapped,
    (before_roster, roster): (&Roster, &Roster),
    proposed: &[Assignment],
    fairness: u32,
) -> Vec<FillHours> {
    let ctx = &loaded.ctx;
    let (before, after) = (
        period_hours(ctx, &ctx.assignments),
        period_hours(ctx, proposed),
    );
    ctx.staff
        .iter()
        .enumerate()
        .map(|(index, facts)| {
            let now = after.get(&facts.id).copied().unwrap_or_default();
            let after_minutes = now.paid_minutes();
            let target_minutes = now.target_minutes;
            let far = target_minutes.filter(|t| (after_minutes - t).abs() >= FAR_MINUTES);
            let why = far.map(|t| {
                if after_minutes < t {
                    why_short(loaded, mapped, roster, index, fairness, t - after_minutes)
                } else {
                    Short::Because(why_over(ctx, mapped, roster, index, after_minutes - t))
                }
            });
            let at_limit = matches!(why, Some(Short::AtLimit));
            let mut reason = far.zip(why).and_then(|(t, why)| match why {
                Short::AtLimit => None,
                Short::Because(why) => Some(format!(
                    "{}, {} of {}: {why}",
                    facts.name,
                    hours_text(after_minutes),
                    hours_text(t)
                )),
            });
            if hourly(facts.employment_type, facts.fte_hundredths) {
                reason = why_hourly(ctx, mapped, (before_roster, roster), index, after_minutes);
            }
            FillHours {
                staff_id: facts.id,
                name: facts.name.clone(),
                before_minutes: before.get(&facts.id).map_or(0, |h| h.paid_minutes()),
                after_minutes,
                target_minutes,
                no_target: no_target(ctx, facts),
                reason,
                at_limit,
            }
        })
        .collect()
}

/// The first reason that explains a shortfall of `short` minutes: a
/// credential that blocks, days away, nothing they qualify for, their
/// limits, or the search.
fn why_short(
    loaded: &Loaded,
    mapped: &Mapped,
    roster: &Roster,
    index: usize,
    fairness: u32,
    short: i64,
) -> Short {
    let ctx = &loaded.ctx;
    let facts = &ctx.staff[index];
    let (start, end) = (ctx.period_start, ctx.period_end);
    let blocking = facts
        .credentials
        .iter()
        .filter(|c| c.when_expired == ExpiredAction::Block && c.lapsed_on(end))
        .min_by_key(|c| c.expires_on);
    if let Some(c) = blocking {
        return Short::Because(match c.expires_on {
            None => format!("no {} on file — cannot be scheduled", c.name),
            Some(e) if e < start => {
                format!(
                    "{} expired {} — cannot be scheduled",
                    c.name,
                    format::day(e)
                )
            }
            Some(e) => format!(
                "{} expires {} — cannot be scheduled after it",
                c.name,
                format::day(e)
            ),
        });
    }
    let person = &mapped.model.staff[index];
    let mut parts = Vec::new();
    let away = |pred: &dyn Fn(chrono::NaiveDate) -> bool| {
        mapped
            .period()
            .filter(|&d| person.days_off.contains(&d) && pred(mapped.dates[d]))
            .count()
    };
    let employed = loaded.people.iter().find(|p| p.id == facts.id);
    let not_employed = away(&|date| !employed.is_some_and(|p| p.employed_on(date)));
    let off = away(&|date| {
        ctx.time_off.iter().any(|t| {
            t.staff_id == facts.id && t.status == TimeOffStatus::Approved && t.covers(date)
        })
    });
    if not_employed > 0 {
        parts.push(format!("not employed on {not_employed} days of the period"));
    }
    if off > 0 {
        parts.push(format!("approved time off on {off} days"));
    }
    let wanted = |day: usize, shift: usize| under_target(mapped, roster, index, day, shift);
    let room = room(&mapped.model, roster, index, mapped.period(), &wanted);
    // The longest shift they may work: a shortfall smaller than it, with
    // every further shift breaking a limit, is as close as they can get.
    let one_shift = mapped
        .model
        .shifts
        .iter()
        .enumerate()
        .filter(|&(s, _)| person.contract.max_per_shift[s] > 0)
        .map(|(_, shift)| i64::from(shift.minutes))
        .max()
        .unwrap_or(0);
    if parts.is_empty() && short < one_shift && matches!(room, Room::AtLimit { every: true, .. }) {
        return Short::AtLimit;
    }
    let rest = match room {
        Room::NoCell => "no other day they can work".to_string(),
        Room::Full => {
            let mut why =
                "every shift they can work on their free days is already staffed to its target"
                    .to_string();
            if let Some((need, supply)) = role_capacity(mapped, facts.role) {
                let code = facts.role.code();
                why.push_str(&format!(
                    " (the unit's {code} coverage asks for {} h in the period, its {code}s' FTE adds up to {} h: raise the {code} target in Settings → Coverage, or expect them short)",
                    need / 60,
                    supply / 60
                ));
            }
            why
        }
        Room::AtLimit { limits, every } => {
            let broken: Vec<String> = limits
                .iter()
                .map(|&(rule, n)| {
                    let shifts = if n == 1 {
                        "1 shift".to_string()
                    } else {
                        format!("{n} shifts")
                    };
                    format!("{} ({shifts})", limit_words(ctx, rule))
                })
                .collect();
            let which = if every {
                "any other shift they could take"
            } else {
                "each shift still short that they could work"
            };
            format!("{which} would break {}", broken.join(" or "))
        }
        Room::Free if fairness == 0 => {
            "could work more; Fairness is 0, so the Fill did not aim for their hours".to_string()
        }
        Room::Free => {
            "could still take a shift that is short, but the Fill ran out of time to place them; run it longer".to_string()
        }
    };
    parts.push(rest);
    Short::Because(parts.join("; "))
}

/// The hours `role`'s coverage asks for over the period (each day's
/// target, or minimum, times the shift's length) and the hours its people
/// with a target should work, when the first is less: why a 1.0 FTE unit
/// clerk ends at half their hours where the unit needs one clerk a day
/// and has two.
fn role_capacity(mapped: &Mapped, role: crate::staff::Role) -> Option<(i64, i64)> {
    let model = &mapped.model;
    let need: i64 = model
        .cover
        .iter()
        .zip(&mapped.covers)
        .filter(|(_, m)| m.minimum && m.requirement == crate::schedule::Requirement::Role(role))
        .map(|(c, m)| {
            i64::from(c.requirement.max(m.target)) * i64::from(model.shifts[c.shift].minutes)
        })
        .sum();
    let of_role = mapped
        .skills
        .iter()
        .position(|r| *r == crate::schedule::Requirement::Role(role))?;
    let supply: i64 = model
        .staff
        .iter()
        .filter(|p| p.skills.contains(&of_role))
        .filter_map(|p| p.target.as_ref().map(|t| i64::from(t.minutes)))
        .sum();
    (need > 0 && need < supply).then_some((need, supply))
}

/// A limit of the department's rules in the manager's words.
pub(crate) fn limit_words(ctx: &ScheduleContext, rule: Rule) -> String {
    let r = &ctx.rules;
    match rule {
        Rule::MaxMinutesInWindow => format!(
            "their hours limit ({} a week, {} a pay period)",
            hours_text(r.weekly_hours_limit_minutes),
            hours_text(r.period_hours_limit_minutes)
        ),
        Rule::ForbiddenSuccession if r.no_day_after_night => format!(
            "the rest between shifts ({}, no day shift the day after a night)",
            hours_text(r.min_rest_minutes)
        ),
        Rule::ForbiddenSuccession => format!(
            "the rest between shifts ({})",
            hours_text(r.min_rest_minutes)
        ),
        Rule::MaxConsecutiveWork => "the limit on days in a row".to_string(),
        Rule::MaxWeekends => "the limit on weekends worked".to_string(),
        Rule::MaxWeekendsInWindow => match r.max_weekends_per_4_weeks {
            Some(n) => format!("the limit on weekends ({n} in any 4 weeks)"),
            None => "the limit on weekends worked".to_string(),
        },
        _ => "a shift kept as it is".to_string(),
    }
}

/// Whether `staff` on `shift` on `day` would close a gap without taking
/// any line of that shift past its target: some line they count for is
/// short, and none that charges for extra people is full.
pub(crate) fn under_target(
    mapped: &Mapped,
    roster: &Roster,
    staff: usize,
    day: usize,
    shift: usize,
) -> bool {
    let model = &mapped.model;
    let mut short = false;
    for c in model
        .cover
        .iter()
        .filter(|c| c.day == day && c.shift == shift && model.qualifies(staff, c))
    {
        let on = (0..model.staff.len())
            .filter(|&s| roster.cells[s][day] == Some(shift) && model.qualifies(s, c))
            .count() as u32;
        if on < c.requirement {
            short = true;
        } else if c.over_weight > 0 {
            return false;
        }
    }
    short
}

/// Who else could work `index`'s shift on `day`: people free that day who
/// count for every need of it that `index` counts for and whom it takes
/// past no rule.
pub(crate) fn takers(
    mapped: &Mapped,
    roster: &Roster,
    index: usize,
    day: usize,
    shift: usize,
) -> Vec<usize> {
    let model = &mapped.model;
    let mut trial = roster.clone();
    trial.cells[index][day] = None;
    (0..model.staff.len())
        .filter(|&h| {
            if h == index || roster.cells[h][day].is_some() {
                return false;
            }
            let counts = model
                .cover
                .iter()
                .filter(|c| c.day == day && c.shift == shift && model.qualifies(index, c))
                .all(|c| model.qualifies(h, c));
            if !counts || model.staff[h].contract.max_per_shift[shift] == 0 {
                return false;
            }
            trial.cells[h][day] = Some(shift);
            let fits = row_violations(model, &trial, h).is_empty();
            trial.cells[h][day] = None;
            fits
        })
        .collect()
}

/// "1 shift", "3 shifts".
fn shifts_text(n: usize) -> String {
    if n == 1 {
        "1 shift".to_string()
    } else {
        format!("{n} shifts")
    }
}

/// Why someone ends `over` minutes beyond their target: shifts kept from
/// before, or for the shifts that make up the excess, whom else they could
/// have gone to. One extra shift of staff comes before a per diem nurse,
/// more after; agency comes after both.
fn why_over(
    ctx: &ScheduleContext,
    mapped: &Mapped,
    roster: &Roster,
    index: usize,
    over: i64,
) -> String {
    let model = &mapped.model;
    let person = &model.staff[index];
    let minutes = |s: usize| i64::from(model.shifts[s].minutes);
    let placed: Vec<(usize, usize)> = mapped
        .period()
        .filter_map(|d| roster.cells[index][d].map(|s| (d, s)))
        .filter(|cell| !person.fixed.contains(cell))
        .collect();
    if placed.is_empty() {
        return "the shifts kept from before already come to this".to_string();
    }
    // The excess in shifts, the longest first: what needs a reason.
    let longest = placed.iter().map(|&(_, s)| minutes(s)).max().unwrap_or(1);
    let excess = usize::try_from((over + longest - 1) / longest)
        .unwrap_or(0)
        .min(placed.len());
    let (mut nobody, mut agency, mut per_diem) = (0, 0, 0);
    for &(day, shift) in &placed {
        let others = takers(mapped, roster, index, day, shift);
        let kind = |h: &usize| kind_of(ctx, mapped, *h);
        if others.iter().any(|h| kind(h) == Kind::PerDiem) {
            per_diem += 1;
        } else if others.iter().any(|h| kind(h) == Kind::Agency) {
            agency += 1;
        } else {
            nobody += 1;
        }
    }
    // The excess is told from the shifts nobody else could work, then
    // those only an agency nurse could, then a per diem nurse's.
    let mut left = excess;
    let mut take = |n: usize| {
        let t = n.min(left);
        left -= t;
        t
    };
    let (nobody, agency, per_diem) = (take(nobody), take(agency), take(per_diem));
    let mut parts = Vec::new();
    if nobody > 0 && agency == 0 && per_diem == 0 {
        return "needed for shifts nobody else could take".to_string();
    }
    if nobody > 0 {
        parts.push(format!(
            "needed for {} nobody else could take",
            shifts_text(nobody)
        ));
    }
    if agency > 0 {
        parts.push(format!(
            "took {} only an agency nurse could also have worked (agency comes last)",
            shifts_text(agency)
        ));
    }
    if per_diem > 0 {
        parts.push(format!(
            "took {} a per diem nurse could also have worked (one extra shift comes before per diem)",
            shifts_text(per_diem)
        ));
    }
    parts.join("; ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Target,
    PerDiem,
    Agency,
    /// Staff with an FTE but no target (Fairness 0, or no need asks for them).
    Other,
}

/// What kind of staff a model person is (model staff are in `ctx.staff` order).
fn kind_of(ctx: &ScheduleContext, mapped: &Mapped, staff: usize) -> Kind {
    if mapped.model.staff[staff].target.is_some() {
        return Kind::Target;
    }
    match ctx.staff.get(staff).map(|f| f.employment_type) {
        Some(EmploymentType::Agency) => Kind::Agency,
        Some(EmploymentType::PerDiem) => Kind::PerDiem,
        _ => Kind::Other,
    }
}

/// Why a per diem or agency person got each shift the Fill added, and how
/// much they work: "Grace Kim (per diem), 0 h → 207 h, the hours of a 0.86
/// FTE: 17 shifts added — 12 nobody with an FTE could take, 5 would take
/// staff more than a shift past their target". None when the Fill added
/// them nothing.
fn why_hourly(
    ctx: &ScheduleContext,
    mapped: &Mapped,
    (before, roster): (&Roster, &Roster),
    index: usize,
    after_minutes: i64,
) -> Option<String> {
    let model = &mapped.model;
    let facts = &ctx.staff[index];
    let added: Vec<(usize, usize)> = mapped
        .period()
        .filter_map(|d| roster.cells[index][d].map(|s| (d, s)))
        .filter(|&(d, s)| before.cells[index][d] != Some(s))
        .collect();
    if added.is_empty() {
        return None;
    }
    let agency = facts.employment_type == EmploymentType::Agency;
    let (mut nobody, mut far, mut per_diem) = (0, 0, 0);
    let (mut could, mut could_names) = (0, Vec::new());
    for &(day, shift) in &added {
        let others = takers(mapped, roster, index, day, shift);
        let within = |h: usize| {
            model.staff[h].target.as_ref().is_some_and(|t| {
                t.worked(model, &roster.cells[h]) + model.shifts[shift].minutes
                    <= t.minutes + OVER_NEAR_MINUTES
            })
        };
        if let Some(&h) = others.iter().find(|&&h| within(h)) {
            could += 1;
            could_names.push(ctx.staff[h].name.clone());
        } else if others.iter().any(|&h| model.staff[h].target.is_some()) {
            far += 1;
        } else if agency
            && others
                .iter()
                .any(|&h| kind_of(ctx, mapped, h) == Kind::PerDiem)
        {
            per_diem += 1;
        } else {
            nobody += 1;
        }
    }
    let mut parts = Vec::new();
    if nobody > 0 {
        parts.push(format!(
            "{nobody} nobody with an FTE could take (each is on another shift, off or at a limit){}",
            if agency { " nor a per diem nurse" } else { "" }
        ));
    }
    if far > 0 {
        parts.push(format!(
            "{far} would take staff with an FTE more than a shift past their target"
        ));
    }
    if per_diem > 0 {
        parts.push(format!(
            "{per_diem} a per diem nurse could also have worked (agency comes last); run the Fill longer"
        ));
    }
    if could > 0 {
        could_names.sort();
        could_names.dedup();
        parts.push(format!(
            "{could} the Fill left to them though {} could take {}; run it longer",
            could_names.join(", "),
            if could == 1 { "it" } else { "them" }
        ));
    }
    let kind = if agency { "agency" } else { "per diem" };
    let days = ctx.days().count() as i64;
    let share = Fte::share_of_full_time(after_minutes, days);
    let size = if share.0 >= 90 {
        format!(", full-time hours (the hours of a {} FTE)", share.text())
    } else {
        format!(", the hours of a {} FTE", share.text())
    };
    Some(format!(
        "{} ({kind}), {}{size}: {} added — {}",
        facts.name,
        hours_text(after_minutes),
        shifts_text(added.len()),
        parts.join(", ")
    ))
}

/// "0 h", "144 h", "7 h 30 min".
fn hours_text(minutes: i64) -> String {
    if minutes == 0 {
        "0 h".to_string()
    } else {
        format::duration(minutes)
    }
}

//! Fill quality on a real unit: hours against each person's FTE target after
//! a Fill of the sample's draft period (55 staff, 6 weeks) and of the same
//! draft grown to 150 staff (the 95 added hold their credentials, and the
//! RN and CNA coverage grows with them). For the people with an FTE who can work
//! the whole period (no credential that blocks lapsing in it, no approved
//! time off, employed throughout) and whom some coverage need asks for:
//! the largest shortfall, how many are a shift or more short, and the mean
//! distance from target, and how many the review leaves short with no
//! reason but the search's time; then per diem and agency hours and the
//! gaps left. Then, for the sample, the figures a manager checks before
//! publishing: the period's total cost, RN shifts, shifts and pay above
//! the minimum, the most hours beyond an FTE and of a per diem nurse (in
//! the period), shifts left below minimum, and the changes a second Fill
//! with the same options makes on the first one's accepted result.
//! Seconds per Fill: WARDBOOK_FILL_SECONDS (default 20, the dialog's
//! default).

use std::sync::atomic::AtomicBool;
use wardbook::credentials::ExpiredAction;
use wardbook::fill::department::{gaps, hourly, map, FillOptions};
use wardbook::fill::run::run;
use wardbook::fill::staffing::staffing;
use wardbook::fill::store;
use wardbook::fill::summary::{proposed_assignments, summary};
use wardbook::schedule::cost::period_cost;
use wardbook::schedule::period_hours::period_hours;
use wardbook::schedule::store::loaded_period::Loaded;
use wardbook::schedule::store::periods;
use wardbook::schedule::{time, TimeOffStatus};
use wardbook::staff::EmploymentType;
use wardbook::units::Fte;
use wardbook_tests::{day, DataDir};

struct Line {
    name: String,
    largest_short_h: f64,
    largest_over_h: f64,
    short_a_shift: usize,
    unexplained: usize,
    people: usize,
    mean_distance_h: f64,
    mean_before_h: f64,
    per_diem_h: f64,
    agency_h: f64,
    hourly_before_h: f64,
    short_of_minimum: u32,
    under_target: u32,
}

fn measure(name: &str, loaded: &Loaded, seconds: u32) -> Line {
    let ctx = &loaded.ctx;
    let options = FillOptions {
        seconds,
        ..FillOptions::default()
    };
    let mapped = map(loaded, &options);
    let outcome = run(&mapped, &options, 1, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let proposed = proposed_assignments(ctx, &mapped, &outcome.roster);
    let (short_of_minimum, under_target) = gaps(&mapped, &outcome.roster);
    // People the review leaves short with no reason but the search's time.
    let unexplained = summary(loaded, &mapped, &outcome, false, options.fairness)
        .hours
        .iter()
        .filter(|h| {
            h.reason
                .as_deref()
                .is_some_and(|r| r.contains("ran out of time"))
        })
        .count();
    let days = ctx.days().count() as i64;
    let (mut distances, mut largest, mut short_a_shift) = (Vec::new(), 0, 0);
    let mut largest_over = 0;
    let mut distances_before: Vec<i64> = Vec::new();
    let (mut per_diem, mut agency, mut hourly_before) = (0, 0, 0);
    for facts in &ctx.staff {
        let paid = |list: &[wardbook::schedule::Assignment]| -> i64 {
            list.iter()
                .filter(|a| a.staff_id == facts.id && ctx.in_period(a.date))
                .filter_map(|a| ctx.shift_type(a.shift_type_id).map(|t| (a.date, t)))
                .map(|(d, t)| time::paid_minutes(&time::span(ctx.tz, d, t), t))
                .sum()
        };
        let worked = paid(&proposed);
        if hourly(facts.employment_type, facts.fte_hundredths) {
            hourly_before += paid(&ctx.assignments);
            if facts.employment_type == EmploymentType::Agency {
                agency += worked;
            } else {
                per_diem += worked;
            }
            continue;
        }
        // Someone no coverage need asks for (the manager) has no shifts to take.
        let counted = ctx
            .coverage
            .iter()
            .any(|n| n.target.max(n.minimum) > 0 && facts.meets(n.requirement));
        let person = loaded.people.iter().find(|p| p.id == facts.id);
        let can_work = !facts
            .credentials
            .iter()
            .any(|c| c.when_expired == ExpiredAction::Block && c.lapsed_on(ctx.period_end))
            && !ctx.time_off.iter().any(|t| {
                t.staff_id == facts.id
                    && t.status == TimeOffStatus::Approved
                    && ctx.days().any(|d| t.covers(d))
            })
            && ctx.days().all(|d| person.is_some_and(|p| p.employed_on(d)));
        if !can_work || !counted {
            continue;
        }
        let target = Fte(facts.fte_hundredths).period_target_minutes(days);
        let short = target - worked;
        largest = largest.max(short);
        largest_over = largest_over.max(-short);
        if short >= 8 * 60 {
            short_a_shift += 1;
        }
        distances.push(short.abs());
        distances_before.push((target - paid(&ctx.assignments)).abs());
    }
    Line {
        name: name.to_string(),
        largest_short_h: largest as f64 / 60.0,
        largest_over_h: largest_over as f64 / 60.0,
        short_a_shift,
        unexplained,
        people: distances.len(),
        mean_before_h: distances_before.iter().sum::<i64>() as f64
            / distances_before.len().max(1) as f64
            / 60.0,
        mean_distance_h: distances.iter().sum::<i64>() as f64
            / distances.len().max(1) as f64
            / 60.0,
        per_diem_h: per_diem as f64 / 60.0,
        agency_h: agency as f64 / 60.0,
        hourly_before_h: hourly_before as f64 / 60.0,
        short_of_minimum,
        under_target,
    }
}

/// The sample's Fill as a manager would check it before publishing.
fn publishable(loaded: &Loaded, seconds: u32) {
    let options = FillOptions {
        seconds,
        ..FillOptions::default()
    };
    let fill = |loaded: &Loaded| {
        let mapped = map(loaded, &options);
        let outcome = run(&mapped, &options, 1, &AtomicBool::new(false), &mut |_| {}).unwrap();
        let mut after = loaded.clone();
        after.ctx.assignments = proposed_assignments(&loaded.ctx, &mapped, &outcome.roster);
        (mapped, outcome, after)
    };
    let figures = |label: &str, l: &Loaded, mapped: Option<&wardbook::fill::department::Mapped>| {
        let ctx = &l.ctx;
        let cost = period_cost(ctx).total_cents;
        let rn = ctx
            .assignments
            .iter()
            .filter(|a| ctx.in_period(a.date))
            .filter(|a| {
                ctx.staff
                    .iter()
                    .any(|f| f.id == a.staff_id && f.role == wardbook::staff::Role::Rn)
            })
            .count();
        let hours = period_hours(ctx, &ctx.assignments);
        let mut over_fte = 0;
        let mut per_diem = 0;
        for f in &ctx.staff {
            let h = hours[&f.id];
            if let Some(t) = h.target_minutes {
                over_fte = over_fte.max(h.paid_minutes() - t);
            } else if f.employment_type == EmploymentType::PerDiem {
                per_diem = per_diem.max(h.worked_minutes);
            }
        }
        let above = mapped.map_or(String::from("—"), |m| {
            let roster = wardbook::fill::summary::current_roster(ctx, m);
            let (n, cents) = wardbook::fill::staffing::above_minimum(l, m, &roster);
            format!("{n} (${})", cents / 100)
        });
        println!(
            "{label:<28} {:>12} {:>9} {:>18} {:>14.1} {:>14.1}",
            format!("${}", cost / 100),
            rn,
            above,
            over_fte as f64 / 60.0,
            per_diem as f64 / 60.0
        );
    };
    let (mapped, outcome, after) = fill(loaded);
    let (short_of_minimum, _) = gaps(&mapped, &outcome.roster);
    let first = staffing(loaded, &mapped, &outcome, &options);
    let (remapped, again, _) = fill(&after);
    let second = summary(&after, &remapped, &again, false, options.fairness);
    println!("\nThe sample's Fill as published, {seconds} s, seed 1, default options");
    println!(
        "{:<28} {:>12} {:>9} {:>18} {:>14} {:>14}",
        "", "total cost", "RN shifts", "above minimum", "most over FTE", "most per diem"
    );
    figures("draft as it stands", loaded, Some(&mapped));
    figures("after the Fill", &after, Some(&mapped));
    println!(
        "shifts below minimum left open: {short_of_minimum}; changes to existing shifts: {}; changes on a re-run: {}",
        first.existing_changed.unwrap_or(0),
        second.changes.len()
    );
}

fn main() {
    let seconds: u32 = std::env::var("WARDBOOK_FILL_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let today = day("2026-11-27");
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, today).unwrap();
    let draft = periods::list(&conn)
        .unwrap()
        .into_iter()
        .find(|p| p.status == periods::PeriodStatus::Draft)
        .unwrap();
    let sample = measure(
        "sample (55 staff, 6 weeks)",
        &store::load_draft(&conn, draft.id).unwrap(),
        seconds,
    );
    publishable(&store::load_draft(&conn, draft.id).unwrap(), seconds);
    wardbook_tests::big_unit::grow_to_150_staffable(&mut conn, &draft);
    let big = measure(
        "150 staff, 6 weeks",
        &store::load_draft(&conn, draft.id).unwrap(),
        seconds,
    );

    println!("\nFill hours against FTE target, {seconds} s per Fill, seed 1");
    println!(
        "{:<28} {:>14} {:>13} {:>12} {:>12} {:>20} {:>12} {:>10} {:>13} {:>10} {:>10}",
        "unit",
        "largest short",
        "largest over",
        "short ≥8 h",
        "no reason",
        "mean |Δ| h (before)",
        "per diem h",
        "agency h",
        "both before",
        "< minimum",
        "< target"
    );
    for l in [sample, big] {
        println!(
            "{:<28} {:>12.1} h {:>11.1} h {:>5} of {:<4} {:>12} {:>9.1} ({:>6.1}) {:>12.1} {:>10.1} {:>13.1} {:>10} {:>10}",
            l.name,
            l.largest_short_h,
            l.largest_over_h,
            l.short_a_shift,
            l.people,
            l.unexplained,
            l.mean_distance_h,
            l.mean_before_h,
            l.per_diem_h,
            l.agency_h,
            l.hourly_before_h,
            l.short_of_minimum,
            l.under_target
        );
    }
}

//! Each dashboard figure on the fixture, with today pinned (see `fixture`).

use super::fixture::{day, Fixture, TODAY};
use super::*;
use crate::credentials::CredentialStatus;
use crate::schedule::view::CoverageStatus;
use crate::trainings::DueStatus;

fn dashboard(fx: &Fixture, today: &str) -> Dashboard {
    build(&fx.conn, day(today)).unwrap()
}

#[test]
fn today_and_tomorrow_show_each_shift_against_its_need() {
    let fx = Fixture::covered();
    fx.assign(fx.rns[3], "2026-12-03", fx.day_shift);
    let d = dashboard(&fx, TODAY);
    assert_eq!(
        d.staffing
            .iter()
            .map(|s| s.date.as_str())
            .collect::<Vec<_>>(),
        ["2026-12-02", "2026-12-03"],
        "today and tomorrow, in that order"
    );
    let today = &d.staffing[0];
    assert_eq!(today.period_id, Some(fx.period));
    assert_eq!(
        today
            .shifts
            .iter()
            .map(|s| s.code.as_str())
            .collect::<Vec<_>>(),
        ["D", "N"],
        "by start time"
    );
    let day_rn = &today.shifts[0].needs[0];
    assert_eq!(
        (
            day_rn.label.as_str(),
            day_rn.scheduled,
            day_rn.minimum,
            day_rn.target
        ),
        ("RN", 2, 2, 3)
    );
    assert_eq!(
        today.shifts[0].status,
        CoverageStatus::UnderTarget,
        "2 RNs meet the minimum of 2 but not the target of 3"
    );
    assert_eq!(today.shifts[1].status, CoverageStatus::Ok);
    assert_eq!(
        d.staffing[1].shifts[0].status,
        CoverageStatus::Ok,
        "Dee's extra day shift tomorrow reaches the target"
    );
}

#[test]
fn a_gap_on_day_14_is_listed_and_one_on_day_15_is_not() {
    let fx = Fixture::covered();
    // Today is day 1, so 15 December is day 14 and 16 December day 15.
    fx.unassign(fx.rns[1], "2026-12-15");
    fx.unassign(fx.rns[1], "2026-12-16");
    let d = dashboard(&fx, TODAY);
    assert_eq!(
        (d.gaps.from.as_str(), d.gaps.to.as_str()),
        (TODAY, "2026-12-15")
    );
    assert_eq!(d.gaps.items.len(), 1, "{:?}", d.gaps.items);
    let gap = &d.gaps.items[0];
    assert_eq!(gap.date, "2026-12-15");
    assert_eq!(
        gap.period_id, fx.period,
        "the gap knows which period to open"
    );
    assert_eq!(
        (
            gap.shift_code.as_str(),
            gap.label.as_str(),
            gap.scheduled,
            gap.minimum
        ),
        ("D", "RN", 1, 2)
    );
    assert!(d.gaps.unscheduled_days.is_empty());
}

#[test]
fn below_target_is_not_a_gap_and_days_without_a_period_are_named() {
    let fx = Fixture::covered();
    let d = dashboard(&fx, "2026-12-10");
    assert!(
        d.gaps.items.is_empty(),
        "2 of target 3 meets the minimum: no gap ({:?})",
        d.gaps.items
    );
    assert_eq!(
        d.gaps.unscheduled_days,
        ["2026-12-20", "2026-12-21", "2026-12-22", "2026-12-23"],
        "the period ends on 19 December"
    );
    let empty = Fixture::new();
    let d = dashboard(&empty, TODAY);
    assert_eq!(d.gaps.unscheduled_days.len(), 0);
    assert_eq!(
        d.gaps.items.len(),
        28,
        "an empty period is short on both shifts on all 14 days"
    );
}

#[test]
fn only_pending_time_off_is_listed() {
    let fx = Fixture::covered();
    fx.time_off(fx.rns[0], "2026-12-20", "2026-12-21", "requested");
    fx.time_off(fx.rns[1], "2026-12-10", "2026-12-10", "approved");
    fx.time_off(fx.rns[2], "2026-12-11", "2026-12-11", "denied");
    let d = dashboard(&fx, TODAY);
    assert_eq!(d.time_off.len(), 1, "{:?}", d.time_off);
    assert_eq!(d.time_off[0].staff_id, fx.rns[0]);
    assert_eq!(d.time_off[0].days, 2);
}

#[test]
fn credentials_fall_into_30_60_90_day_buckets_at_their_boundaries() {
    let fx = Fixture::new();
    let bls = fx.credential_type("BLS", true);
    let acls = fx.credential_type("ACLS", false);
    let [ann, bea, cal, dee] = fx.rns;
    fx.credential(ann, bls, "2027-01-01"); // in exactly 30 days
    fx.credential(bea, bls, "2027-01-02"); // in 31 days
    fx.credential(cal, bls, "2026-12-01"); // expired yesterday
    fx.credential(cal, acls, "2027-01-31"); // in 60 days
    fx.credential(dee, acls, "2027-03-02"); // in 90 days; Dee has no BLS
    fx.credential(fx.cna, acls, "2027-03-03"); // in 91 days: compliant
    fx.credential(fx.gone, bls, "2026-10-01"); // expired, but Fay has left
    let c = dashboard(&fx, TODAY).credentials;
    assert_eq!(
        (c.expired, c.missing, c.within_30, c.within_60, c.within_90),
        (1, 1, 1, 2, 1),
        "{:#?}",
        c.items
    );
    let listed: Vec<(&str, &str, Option<i64>)> = c
        .items
        .iter()
        .map(|i| (i.name.as_str(), i.credential.as_str(), i.days_left))
        .collect();
    assert_eq!(
        listed,
        [
            ("Cole, Cal", "BLS", Some(-1)),
            ("Dunn, Dee", "BLS", None),
            ("Avery, Ann", "BLS", Some(30)),
            ("Brown, Bea", "BLS", Some(31)),
            ("Cole, Cal", "ACLS", Some(60)),
            ("Dunn, Dee", "ACLS", Some(90)),
        ],
        "expired, then missing, then soonest to expire; Eli (91 days) and Fay (gone) are not listed"
    );
    assert_eq!(c.items[1].status, CredentialStatus::Missing);
}

#[test]
fn evaluations_and_competencies_overdue_or_due_within_30_days() {
    let fx = Fixture::new();
    let [ann, bea, cal, dee] = fx.rns;
    fx.training(ann, "evaluation", "Annual evaluation", "2026-12-01", None);
    fx.training(bea, "competency", "Restraints", "2027-01-01", None); // in 30 days
    fx.training(cal, "competency", "Restraints", "2027-01-02", None); // in 31 days
    fx.training(
        dee,
        "evaluation",
        "Annual evaluation",
        "2026-11-01",
        Some("2026-10-30"),
    );
    fx.training(
        fx.gone,
        "evaluation",
        "Annual evaluation",
        "2026-10-01",
        None,
    );
    let t = dashboard(&fx, TODAY).trainings;
    assert_eq!((t.overdue, t.due_soon), (1, 1), "{:#?}", t.items);
    assert_eq!(t.items[0].staff_id, ann);
    assert_eq!(t.items[0].status, DueStatus::Overdue);
    assert_eq!(t.items[0].days_left, -1);
    assert_eq!(t.items[1].staff_id, bea);
    assert_eq!(t.items[1].days_left, 30);
}

#[test]
fn budget_year_to_date_and_the_three_lines_most_over() {
    let fx = Fixture::new();
    assert_eq!(
        dashboard(&fx, TODAY).budget,
        None,
        "no fiscal year holds today"
    );
    // Monthly budget and actual (July to October), in cents.
    let fy = fx.budget(&[
        ("productive_salaries", "Salaries", 1_000_000, 900_000),
        ("overtime", "Overtime", 100_000, 150_000),
        ("medical_supplies", "Supplies", 100_000, 110_000),
        ("agency", "Agency", 100_000, 105_000),
        ("education_travel", "Education", 100_000, 101_000),
    ]);
    let b = dashboard(&fx, TODAY).budget.expect("FY2027 holds today");
    assert_eq!(b.fiscal_year_id, fy);
    assert_eq!(b.year_label, "FY2027");
    assert_eq!(b.through, "Oct 2026", "the latest month with actuals");
    assert!(b.has_actuals);
    // YTD budget 4 × 14 000.00 = 56 000.00; actual 4 × 13 660.00 = 54 640.00.
    assert_eq!(b.ytd.budget_cents, 5_600_000);
    assert_eq!(b.ytd.actual_cents, 5_464_000);
    assert_eq!(b.ytd.variance_cents, 136_000);
    assert!(b.ytd.favourable);
    let over: Vec<(&str, i64)> = b
        .over
        .iter()
        .map(|l| (l.name.as_str(), l.ytd.variance_cents))
        .collect();
    assert_eq!(
        over,
        [
            ("Overtime", -200_000),
            ("Supplies", -40_000),
            ("Agency", -20_000)
        ],
        "worst first; Education (−400.00) is fourth and Salaries is under budget"
    );
}

#[test]
fn overtime_is_for_the_pay_period_holding_today() {
    let fx = Fixture::new();
    let ann = fx.rns[0];
    let o = dashboard(&fx, TODAY).overtime;
    assert_eq!(
        (o.worked_minutes, o.overtime_bp),
        (0, None),
        "nothing scheduled"
    );
    // Sunday to Wednesday of the week of 22 November: 4 × 11.5 h = 46 h, 6 h over 40.
    for d in ["2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"] {
        fx.assign(ann, d, fx.day_shift);
    }
    // The next pay period: 3 × 11.5 h, no overtime.
    for d in ["2026-12-06", "2026-12-07", "2026-12-08"] {
        fx.assign(ann, d, fx.day_shift);
    }
    let last_day = dashboard(&fx, "2026-12-05").overtime;
    assert_eq!(
        (last_day.from.as_str(), last_day.to.as_str()),
        ("2026-11-22", "2026-12-05")
    );
    assert_eq!(
        (last_day.worked_minutes, last_day.overtime_minutes),
        (46 * 60, 6 * 60)
    );
    assert_eq!(last_day.overtime_bp, Some(1_304), "6 ÷ 46 = 13.04 %");
    let first_day = dashboard(&fx, "2026-12-06").overtime;
    assert_eq!(
        (first_day.from.as_str(), first_day.to.as_str()),
        ("2026-12-06", "2026-12-19")
    );
    assert_eq!(
        (first_day.worked_minutes, first_day.overtime_minutes),
        (3 * 690, 0)
    );
    assert_eq!(first_day.overtime_bp, Some(0));
}

#[test]
fn with_nobody_on_staff_nothing_is_claimed_checked() {
    let conn = crate::store::open_in_memory().unwrap();
    crate::department::insert(&conn, &crate::sample::department()).unwrap();
    let d = build(&conn, day(TODAY)).unwrap();
    assert!(d.credentials.items.is_empty() && d.trainings.items.is_empty());
    assert_eq!(
        (
            d.credentials.staff_checked,
            d.credentials.credentials_checked
        ),
        (0, 0),
        "no staff, so no credential was checked (not \"all current\")"
    );
    assert_eq!(
        (d.trainings.staff_checked, d.trainings.trainings_checked),
        (0, 0)
    );
    assert_eq!(
        (
            d.gaps.items.len(),
            d.gaps.needs_checked,
            d.gaps.unscheduled_days.len()
        ),
        (0, 0, 14),
        "no schedule, so no need was checked (not \"no gaps\")"
    );
}

#[test]
fn the_dashboard_counts_what_it_checked() {
    let fx = Fixture::covered();
    let d = dashboard(&fx, "2026-12-10");
    assert_eq!(
        d.credentials.staff_checked, 5,
        "four RNs and the CNA; the terminated RN is not checked"
    );
    assert_eq!(d.trainings.staff_checked, 5);
    assert!(
        d.credentials.credentials_checked >= d.credentials.items.len() as i64,
        "current credentials are counted as checked too"
    );
    assert_eq!(
        d.gaps.needs_checked,
        10 * 2,
        "10 scheduled days (10 to 19 Dec) × the Day and Night RN needs"
    );
}

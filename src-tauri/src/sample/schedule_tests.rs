//! The sample schedule holds whatever today is: a legal published period
//! before, one with today in it, and a flawed draft after it.

use crate::schedule::store::{self, periods::PeriodStatus};
use crate::schedule::view::CoverageStatus;
use crate::schedule::{RuleCode, Severity};

fn short(v: &crate::schedule::view::ScheduleView) -> usize {
    v.coverage
        .iter()
        .flat_map(|r| &r.days)
        .filter(|c| c.status == CoverageStatus::Short)
        .count()
}

#[test]
fn sample_has_a_published_period_holding_today_and_a_draft_next_with_flaws() {
    // A Friday, a Sunday and a Saturday: the rota must hold whatever today is.
    for today in ["2026-11-27", "2026-03-08", "2027-07-03"] {
        let today = crate::input::date(today).unwrap();
        let mut conn = crate::store::open_in_memory().unwrap();
        super::super::create(&mut conn, today).unwrap();
        let periods = store::periods::list(&conn).unwrap();
        assert_eq!(periods.len(), 3, "an earlier, a current and a next period");
        let (earlier, current, next) = (&periods[0], &periods[1], &periods[2]);
        assert_eq!(earlier.status, PeriodStatus::Published);
        assert_eq!(
            earlier.end() + chrono::Duration::days(1),
            current.start(),
            "the earlier period runs up to the current one"
        );
        assert_eq!(current.status, PeriodStatus::Published);
        assert!(
            current.contains(today),
            "the published period holds today ({today})"
        );
        assert_eq!(next.status, PeriodStatus::Draft);
        assert_eq!(
            next.start(),
            current.end() + chrono::Duration::days(1),
            "back to back"
        );

        // The earlier period is as legal as the current one, its seam with
        // the current one included (each was rostered on its own).
        let v = store::view(&conn, earlier.id, today).unwrap();
        assert!(
            v.violations.iter().all(|x| x.rule == RuleCode::Coverage
                || (x.rule == RuleCode::Credential && x.severity == Severity::Warn)),
            "the earlier period is legal but for coverage: {:?}",
            v.violations
        );
        assert!(short(&v) <= 8, "a few short shifts at most: {}", short(&v));

        let v = store::view(&conn, current.id, today).unwrap();
        // A credential that only warns (ACLS) keeps nobody off the rota:
        // the warning is the manager's to chase, not a gap in the rota.
        assert!(
            v.violations.iter().all(|x| x.rule == RuleCode::Coverage
                || (x.rule == RuleCode::Credential && x.severity == Severity::Warn)),
            "the published period is legal but for coverage: {:?}",
            v.violations
        );
        assert!(
            v.violations.iter().any(|x| x.rule == RuleCode::Credential),
            "a nurse whose ACLS (warn) lapsed is still on the rota"
        );
        assert!(
            (1..=4).contains(&short(&v)),
            "a couple of short shifts, not more"
        );

        let v = store::view(&conn, next.id, today).unwrap();
        let has = |rule| v.violations.iter().any(|x| x.rule == rule);
        assert!(has(RuleCode::Rest), "the draft shows a rest violation");
        assert!(has(RuleCode::TimeOff), "and a time-off conflict");
        assert!(has(RuleCode::Credential), "and an expired credential");
        assert!((2..=8).contains(&short(&v)), "and a few gaps");
    }
}

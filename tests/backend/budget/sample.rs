//! The sample department's budget tells its story whenever it is opened.

use wardbook::budget::productivity::{self, HoursSource};
use wardbook::budget::{variance, years, Category};
use wardbook::staff::Role;
use wardbook_tests::{day, DataDir};

#[test]
fn the_sample_year_has_eight_months_of_actuals_overtime_over_and_supplies_under() {
    for today in ["2026-11-27", "2027-03-02", "2026-07-15"] {
        let today = day(today);
        let dir = DataDir::new();
        let mut conn = dir.open();
        wardbook::sample::create(&mut conn, today).unwrap();
        let overview = years::overview(&conn, today).unwrap();
        let fy = overview.current_id.expect("the sample year holds today");
        let report = variance::report(&conn, fy, None).unwrap();
        assert_eq!(
            report.month, 7,
            "actuals run through the eighth month ({today})"
        );
        assert_eq!(
            report
                .chart
                .iter()
                .filter(|m| m.actual_cents.is_some())
                .count(),
            8
        );
        let line = |c: Category| report.lines.iter().find(|l| l.category == c).unwrap();
        assert!(
            !line(Category::Overtime).figures.ytd.favourable,
            "overtime runs over"
        );
        assert!(line(Category::Overtime).figures.ytd.variance_bp.unwrap() < -2_000);
        assert!(
            line(Category::MedicalSupplies).figures.ytd.favourable,
            "supplies run under"
        );
        assert!(
            !line(Category::Overtime).explanation.is_empty(),
            "the overtime is explained"
        );

        let productivity = productivity::report(&conn, fy, today).unwrap();
        let closed = &productivity.months[7];
        assert_eq!(
            closed.source,
            HoursSource::Typed,
            "closed months use payroll hours"
        );
        assert!(closed.hppd_hundredths.is_some());
        assert!(closed.overtime_bp.unwrap() > 600);
        assert_eq!(
            productivity.months[8].source,
            HoursSource::Mixed,
            "the current month reads the time clock up to today and the schedule after"
        );
        let rn = productivity
            .positions
            .iter()
            .find(|p| p.role == Role::Rn)
            .unwrap();
        assert!(
            rn.open_fte_hundredths > 0,
            "open RN positions explain the overtime"
        );

        let labor = productivity::labor_cost_report(&conn, fy).unwrap();
        assert!(
            labor
                .iter()
                .any(|m| m.month == 8 && m.salaries.actual_cents > 0),
            "the schedule is costed"
        );
        // A partly scheduled month is compared with the scheduled days'
        // share of its budget, never with the whole month's.
        let sheet = wardbook::budget::figures::load(&conn, fy).unwrap();
        let salaries_budget = |m: usize| -> i64 {
            sheet
                .lines
                .iter()
                .filter(|l| l.line.category == wardbook::budget::Category::ProductiveSalaries)
                .map(|l| l.months[m].budget_cents)
                .sum()
        };
        assert!(
            labor.iter().any(|m| m.partial),
            "the sample has a partial month"
        );
        for m in &labor {
            let whole = salaries_budget(m.month as usize);
            assert_eq!(m.partial, m.scheduled_days < m.days, "{}", m.label);
            let share = (whole * m.scheduled_days * 2 + m.days) / (m.days * 2);
            assert_eq!(m.salaries.budget_cents, share, "{}", m.label);
            if m.partial {
                assert!(m.salaries.budget_cents < whole, "{}", m.label);
            }
            let has_actual = sheet.lines.iter().any(|l| {
                l.line.category == wardbook::budget::Category::ProductiveSalaries
                    && l.months[m.month as usize].has_actual
            });
            assert_eq!(m.actual_salaries_cents.is_some(), has_actual, "{}", m.label);
        }
    }
}

//! People on a leave of absence are not scheduled by the Fill: their days
//! from the first day of leave are days off in the model.

use super::department_tests::{mapped, unit};
use crate::schedule::testing::day;

#[test]
fn a_person_on_leave_gets_days_off_from_the_first_day_of_leave() {
    let mut c = unit();
    c.staff[0].on_leave = true;
    c.staff[0].leave_since = Some("2026-12-14".into());
    let m = mapped(c);
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let maria = &m.model.staff[0];
    assert!(
        !maria.days_off.contains(&d("2026-12-13")),
        "the day before the leave is a working day"
    );
    assert!(
        ["2026-12-14", "2026-12-20", "2026-12-26"]
            .iter()
            .all(|s| maria.days_off.contains(&d(s))),
        "every day of the leave is off"
    );
}

#[test]
fn a_leave_without_a_first_day_keeps_them_off_the_whole_period() {
    let mut c = unit();
    c.staff[1].on_leave = true;
    let m = mapped(c);
    let ann = &m.model.staff[1];
    let period: Vec<usize> = (0..m.model.days)
        .filter(|d| m.period().contains(d))
        .collect();
    assert!(!period.is_empty());
    assert!(period.iter().all(|d| ann.days_off.contains(d)));
    assert!(
        !m.model.staff[0].days_off.contains(&period[0]),
        "Maria, not on leave, works"
    );
}

#[test]
fn a_shift_kept_from_before_the_leave_is_let_go_from_its_first_day() {
    use crate::schedule::testing::{with, DAY12, MARIA};
    let mut c = with(
        unit(),
        &[(MARIA, "2026-12-13", DAY12), (MARIA, "2026-12-14", DAY12)],
    );
    c.staff[0].on_leave = true;
    c.staff[0].leave_since = Some("2026-12-14".into());
    let m = mapped(c);
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let fixed: Vec<usize> = m.model.staff[0].fixed.iter().map(|&(day, _)| day).collect();
    assert!(fixed.contains(&d("2026-12-13")), "the day before is kept");
    assert!(
        !fixed.contains(&d("2026-12-14")),
        "the first day of leave is let go"
    );
}

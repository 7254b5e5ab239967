//! Shift types, rules, holidays and coverage: round trips and every refusal.

use super::*;
use wardbook::error::ErrorCode;
use wardbook::schedule::store::coverage::{self, CoverageLine};
use wardbook::schedule::store::parse::DifferentialKind;
use wardbook::schedule::{Differential, Requirement};

#[test]
fn a_shift_type_round_trips_with_its_differential() {
    let mut u = unit();
    let form = ShiftTypeInput {
        differential_kind: Some(DifferentialKind::Percent),
        differential_value: "10".into(),
        unpaid_break_minutes: "30".into(),
        evening: false,
        ..shift("N12", "Night 12", "19:00", "12:30", true)
    };
    let saved = shift_types::save(&mut u.conn, None, &form).unwrap();
    assert_eq!(saved.length_minutes, 750, "12:30 is 750 minutes");
    assert_eq!(
        saved.differential,
        Differential::Percent(1000),
        "10 % is 1000 basis points"
    );
    let listed = shift_types::list(&u.conn).unwrap();
    assert!(listed.contains(&saved), "what was saved is what is listed");
    let edited = ShiftTypeInput {
        differential_kind: Some(DifferentialKind::PerHour),
        differential_value: "2.50".into(),
        ..form
    };
    let again = shift_types::save(&mut u.conn, Some(saved.id), &edited).unwrap();
    assert_eq!(again.differential, Differential::PerHour(250));
    assert_eq!(shift_types::get(&u.conn, saved.id).unwrap(), again);
}

#[test]
fn every_shift_type_field_is_checked_at_once_and_nothing_is_saved() {
    let mut u = unit();
    let before = count(&u.conn, "shift_type");
    let bad = ShiftTypeInput {
        code: "DAY12".into(),
        name: " ".into(),
        start: "7:00".into(),
        length_hours: "16:01".into(),
        unpaid_break_minutes: "121".into(),
        differential_kind: Some(DifferentialKind::Percent),
        differential_value: "".into(),
        ..Default::default()
    };
    let err = shift_types::save(&mut u.conn, None, &bad).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        err.message_for("code"),
        Some("The code is 1 to 4 letters or digits, e.g. D or N12."),
        "five characters is one too many"
    );
    assert_eq!(err.message_for("name"), Some("Enter the shift name."));
    assert!(err.message_for("start").unwrap().contains("24-hour HH:MM"));
    assert_eq!(
        err.message_for("length_hours"),
        Some("The shift length must be between 1 and 16 hours."),
        "one minute over 16 h"
    );
    assert_eq!(
        err.message_for("unpaid_break_minutes"),
        Some("The unpaid break must be between 0 and 120.")
    );
    assert_eq!(
        err.message_for("differential_value"),
        Some("Enter the percentage, e.g. 10.")
    );
    assert_eq!(count(&u.conn, "shift_type"), before, "nothing saved");

    let long_break = ShiftTypeInput {
        unpaid_break_minutes: "60".into(),
        ..shift("X", "Short", "07:00", "1", false)
    };
    assert_eq!(
        shift_types::save(&mut u.conn, None, &long_break)
            .unwrap_err()
            .message_for("unpaid_break_minutes"),
        Some("The unpaid break must be shorter than the shift."),
        "a 60-minute break in a 1-hour shift leaves no work"
    );
    let sixteen = shift("L", "Long", "07:00", "16", false);
    assert!(
        shift_types::save(&mut u.conn, None, &sixteen).is_ok(),
        "exactly 16 h is allowed"
    );
}

#[test]
fn shift_codes_are_unique_ignoring_case() {
    let mut u = unit();
    let err = shift_types::save(&mut u.conn, None, &shift("d", "Day 8", "07:00", "8", false))
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("code"));
    assert_eq!(err.message, "The code d is already used by Day.");
    assert!(
        shift_types::save(
            &mut u.conn,
            Some(u.day_shift),
            &shift("d", "Day", "07:00", "12", false)
        )
        .is_ok(),
        "a shift may keep its own code in another case"
    );
}

#[test]
fn a_shift_type_in_use_cannot_be_deleted_and_says_how_often() {
    let mut u = unit();
    let p = first_period(&mut u);
    wardbook::schedule::store::assignments::set(
        &mut u.conn,
        p.id,
        u.ann,
        "2026-12-01",
        "D",
        day(TODAY),
        "now",
    )
    .unwrap();
    let err = shift_types::delete(&mut u.conn, u.day_shift).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(
        err.message,
        "Day (D) is used by 1 assignment in 1 period; clear or change them first."
    );
    shift_types::delete(&mut u.conn, u.night_shift).expect("an unused shift type goes");
    assert_eq!(shift_types::list(&u.conn).unwrap().len(), 1);
}

#[test]
fn rules_round_trip_as_typed_and_default_before_saving() {
    let u = unit();
    let saved = rule_settings::save(
        &u.conn,
        &RulesInput {
            min_rest_hours: "10:30".into(),
            max_weekends_per_4_weeks: "2".into(),
            weekend_differential_kind: Some(DifferentialKind::PerHour),
            weekend_differential_value: "1.5".into(),
            ..rules_input()
        },
    )
    .unwrap();
    assert_eq!(saved.min_rest_hours, "10:30");
    assert_eq!(saved.max_weekends_per_4_weeks, "2");
    assert_eq!(saved.weekend_differential_value, "1.50");
    assert_eq!(
        rule_settings::form(&u.conn).unwrap(),
        saved,
        "read back as saved"
    );
    let loaded = rule_settings::load(&u.conn).unwrap();
    assert_eq!(loaded.min_rest_minutes, 630);
    assert_eq!(loaded.weekend_differential, Differential::PerHour(150));

    let fresh = DataDir::new();
    let conn = fresh.open();
    let defaults = rule_settings::form(&conn).unwrap();
    assert_eq!(defaults.min_rest_hours, "10", "10 h rest by default");
    assert_eq!(defaults.max_consecutive_12h, "3");
}

#[test]
fn every_rules_field_is_checked() {
    let u = unit();
    let bad = RulesInput {
        min_rest_hours: "24:01".into(),
        max_consecutive_8h: "0".into(),
        max_consecutive_12h: "8".into(),
        weekly_hours_limit: "x".into(),
        period_hours_limit: "".into(),
        per_diem_period_hours_limit: "0".into(),
        max_weekends_per_4_weeks: "5".into(),
        pay_period_anchor: "2026-02-30".into(),
        holiday_differential_kind: Some(DifferentialKind::Percent),
        holiday_differential_value: "0".into(),
        ..rules_input()
    };
    let err = rule_settings::save(&u.conn, &bad).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "min_rest_hours",
            "max_consecutive_8h",
            "max_consecutive_12h",
            "weekly_hours_limit",
            "period_hours_limit",
            "per_diem_period_hours_limit",
            "max_weekends_per_4_weeks",
            "pay_period_anchor",
            "holiday_differential_value"
        ],
        "every bad field is named at once"
    );
    assert_eq!(
        err.message_for("max_weekends_per_4_weeks"),
        Some("The weekends per 4 weeks must be between 0 and 4.")
    );
    assert_eq!(
        rule_settings::form(&u.conn).unwrap().min_rest_hours,
        "10",
        "the refused rules were not saved"
    );
}

#[test]
fn holidays_are_kept_by_date_and_refused_without_a_name() {
    let u = unit();
    let list = rule_settings::holiday_save(&u.conn, "2026-12-25", "Christmas Day").unwrap();
    assert_eq!(list.len(), 1);
    let list = rule_settings::holiday_save(&u.conn, "2026-12-25", "Christmas").unwrap();
    assert_eq!(list[0].name, "Christmas", "saving the same date renames it");
    let err = rule_settings::holiday_save(&u.conn, "2026-13-01", " ").unwrap_err();
    assert!(err.message_for("date").is_some());
    assert_eq!(err.message_for("name"), Some("Enter the holiday name."));
    assert!(rule_settings::holiday_delete(&u.conn, "2026-12-25")
        .unwrap()
        .is_empty());
    assert_eq!(
        rule_settings::holiday_delete(&u.conn, "2026-12-25")
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
}

fn line(shift_type_id: i64, requirement: Requirement, min: i64, target: i64) -> CoverageLine {
    CoverageLine {
        shift_type_id,
        requirement,
        minimum: vec![min; 7],
        target: vec![target; 7],
    }
}

#[test]
fn coverage_lines_round_trip_and_replace_all() {
    let mut u = unit();
    let mut rn = line(u.day_shift, Requirement::Role(Role::Rn), 2, 3);
    rn.minimum[5] = 1;
    let lines = vec![rn, line(u.night_shift, Requirement::Skill(u.charge), 1, 1)];
    assert_eq!(coverage::save(&mut u.conn, &lines).unwrap(), lines);
    assert_eq!(
        coverage::list(&u.conn).unwrap(),
        lines,
        "kept in order, per weekday"
    );
    let fewer = vec![lines[1].clone()];
    assert_eq!(
        coverage::save(&mut u.conn, &fewer).unwrap(),
        fewer,
        "saving replaces all"
    );
}

#[test]
fn coverage_is_refused_when_minimum_exceeds_target_or_refers_to_nothing() {
    let mut u = unit();
    let good = line(u.day_shift, Requirement::Role(Role::Rn), 2, 3);
    coverage::save(&mut u.conn, std::slice::from_ref(&good)).unwrap();
    let mut over = line(u.day_shift, Requirement::Role(Role::Cna), 2, 2);
    over.minimum[1] = 3;
    let bad = vec![
        over,
        line(999, Requirement::Role(Role::Rn), 1, 1),
        line(u.day_shift, Requirement::Skill(999), 1, 1),
    ];
    let err = coverage::save(&mut u.conn, &bad).unwrap_err();
    assert_eq!(
        err.message_for("lines.0.target"),
        Some("Day · CNA: the minimum on Tue (3) is more than the target (2).")
    );
    assert!(
        err.message_for("lines.1.shift_type_id").is_some(),
        "unknown shift"
    );
    assert!(
        err.message_for("lines.2.requirement").is_some(),
        "unknown skill"
    );
    assert_eq!(
        coverage::list(&u.conn).unwrap(),
        vec![good],
        "nothing replaced"
    );
}

#[test]
fn census_and_ratio_suggest_a_rounded_up_rn_line() {
    let u = unit();
    let l = coverage::from_census(&u.conn, u.day_shift, "28", "5").unwrap();
    assert_eq!(
        l.minimum,
        vec![6; 7],
        "28 patients at 1:5 need 6 nurses, not 5.6"
    );
    assert_eq!(l.target, l.minimum);
    assert_eq!(
        coverage::from_census(&u.conn, u.day_shift, "25", "5")
            .unwrap()
            .minimum[0],
        5,
        "exactly divisible needs no extra nurse"
    );
    let err = coverage::from_census(&u.conn, u.day_shift, "-1", "0").unwrap_err();
    assert!(err.message_for("census").is_some());
    assert!(err.message_for("patients_per_nurse").is_some());
}

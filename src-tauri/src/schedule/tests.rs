//! The model as the UI and the store see it: JSON shapes.

use super::testing::*;
use super::*;

#[test]
fn shift_types_travel_with_hh_mm_start_times() {
    let night = shift(NIGHT12, "N12", "Night 12", "19:00", 720);
    let json = serde_json::to_value(&night).unwrap();
    assert_eq!(
        json["start"], "19:00",
        "the UI and SQLite use HH:MM, not HH:MM:SS"
    );
    let back: ShiftType = serde_json::from_value(json).unwrap();
    assert_eq!(back, night);
    assert!(night.is_twelve_hour() && !night.is_day());
}

#[test]
fn differentials_say_their_kind() {
    let json = serde_json::to_value(Differential::Percent(1000)).unwrap();
    assert_eq!(json, serde_json::json!({"kind": "percent", "value": 1000}));
    let json = serde_json::to_value(Requirement::Role(Role::Rn)).unwrap();
    assert_eq!(json, serde_json::json!({"kind": "role", "value": "RN"}));
}

#[test]
fn rules_default_to_the_common_department_rules() {
    let r = Rules::default();
    assert_eq!(r.min_rest_minutes, 600, "10 h between shifts");
    assert_eq!((r.max_consecutive_8h, r.max_consecutive_12h), (5, 3));
    assert_eq!(
        (r.weekly_hours_limit_minutes, r.period_hours_limit_minutes),
        (2400, 4800),
        "40 h a week, 80 h in 14 days"
    );
}

#[test]
fn typescript_sees_dates_and_times_as_strings() {
    use ts_rs::TS;
    let cfg = ts_rs::Config::new().with_large_int("number");
    let shift = ShiftType::decl(&cfg);
    assert!(shift.contains("start: string"), "{shift}");
    let need = CoverageNeed::decl(&cfg);
    assert!(need.contains("weekday: \"Mon\" | \"Tue\""), "{need}");
    let rules = Rules::decl(&cfg);
    assert!(rules.contains("holidays: Array<string>"), "{rules}");
    assert!(
        !rules.contains("bigint"),
        "minutes and cents are plain numbers"
    );
}

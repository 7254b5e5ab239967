//! A leave of absence and the job title on the staff record: stored,
//! validated beside their fields, listed, and taken from an HR export.

use crate::input::date;
use crate::staff::import::{columns, import};
use crate::staff::{self, EmploymentType, Role, StaffInput, StaffQuery, StaffSort, StatusFilter};
use rusqlite::Connection;

fn conn() -> Connection {
    let conn = crate::store::open_in_memory().unwrap();
    crate::department::insert(&conn, &crate::sample::department()).unwrap();
    conn
}

fn maria() -> StaffInput {
    StaffInput {
        first_name: "Maria".into(),
        last_name: "Lopez".into(),
        employee_no: "E1001".into(),
        role: Some(Role::Rn),
        job_title: "RN - Charge Nurse, Med/Surg".into(),
        employment_type: Some(EmploymentType::FullTime),
        fte: "0.9".into(),
        hourly_rate: "52.75".into(),
        hire_date: "2019-06-03".into(),
        ..Default::default()
    }
}

fn roster(conn: &Connection, today: &str) -> Vec<staff::StaffRow> {
    let query = StaffQuery {
        search: String::new(),
        role: None,
        employment_type: None,
        status: StatusFilter::All,
        sort: StaffSort::Name,
        descending: false,
    };
    staff::list(conn, &query, date(today).unwrap()).unwrap()
}

#[test]
fn the_form_stores_the_job_title_and_a_leave_with_its_first_day() {
    let mut conn = conn();
    let s = staff::create(&mut conn, &maria()).unwrap();
    assert_eq!(s.job_title, "RN - Charge Nurse, Med/Surg");
    assert!(!s.on_leave);
    let on_leave = StaffInput {
        on_leave: true,
        leave_since: "2026-11-02".into(),
        ..maria()
    };
    let s = staff::update(&mut conn, s.id, &on_leave).unwrap();
    assert_eq!(
        (s.on_leave, s.leave_since.as_deref()),
        (true, Some("2026-11-02"))
    );
    let before = &roster(&conn, "2026-11-01")[0];
    assert_eq!(before.leave, None, "not on leave before its first day");
    let during = &roster(&conn, "2026-11-02")[0];
    assert_eq!(during.leave.as_deref(), Some("On leave since 2026-11-02"));
    assert!(during.active, "on leave is still employed");
    assert_eq!(during.job_title, "RN - Charge Nurse, Med/Surg");
    // Back from leave: the first day goes with the leave.
    let back = StaffInput {
        on_leave: false,
        leave_since: "2026-11-02".into(),
        ..maria()
    };
    let s = staff::update(&mut conn, s.id, &back).unwrap();
    assert_eq!((s.on_leave, s.leave_since), (false, None));
}

#[test]
fn a_bad_first_day_of_leave_or_a_long_title_is_refused_beside_its_field() {
    let mut conn = conn();
    let bad = StaffInput {
        on_leave: true,
        leave_since: "2019-01-01".into(),
        job_title: "x".repeat(121),
        ..maria()
    };
    let err = staff::create(&mut conn, &bad).unwrap_err();
    assert_eq!(
        err.message_for("leave_since"),
        Some("The leave cannot start before the hire date.")
    );
    assert!(err.message_for("job_title").is_some());
    let typo = StaffInput {
        on_leave: true,
        leave_since: "11/02/2026".into(),
        ..maria()
    };
    let err = staff::create(&mut conn, &typo).unwrap_err();
    assert!(err
        .message_for("leave_since")
        .is_some_and(|m| m.contains("YYYY-MM-DD")));
    assert!(roster(&conn, "2026-12-01").is_empty(), "nothing saved");
}

#[test]
fn the_hr_import_keeps_the_title_and_marks_leave() {
    let mut conn = conn();
    let text = "\u{feff}Employee ID,Employee Name,Job Title,Status,FTE,Hourly Rate,Hire Date\r\n\
        E1,\"Reyes, Carmen\",\"RN - Charge Nurse, Med/Surg\",Active,0.9,$52.10,3/14/2019\r\n\
        E2,\"Lindqvist, Maja\",RN,Leave of Absence,\"0,75\",48.00,11/02/2020\r\n";
    let mut mapping = columns(text).unwrap().guess;
    import(&mut conn, text, &mapping).unwrap();
    // The file gives no first day of leave: it starts on the day of the import.
    let today = crate::input::format_date(crate::department::today(
        &crate::department::require(&conn).unwrap(),
    ));
    let rows = roster(&conn, &today);
    let maja = rows.iter().find(|r| r.employee_no == "E2").unwrap();
    let carmen = rows.iter().find(|r| r.employee_no == "E1").unwrap();
    assert_eq!(carmen.job_title, "RN - Charge Nurse, Med/Surg");
    assert_eq!(carmen.role, Role::Rn);
    assert_eq!(maja.job_title, "", "a bare role code is no title");
    assert!(
        maja.leave
            .as_deref()
            .is_some_and(|l| l.starts_with("On leave since")),
        "{:?}",
        maja.leave
    );
    assert!(
        roster(&conn, "2026-01-01")
            .iter()
            .any(|r| r.employee_no == "E2" && r.leave.is_none()),
        "not on leave before it began"
    );
    assert!(maja.active);
    // The next export has her back: the leave ends.
    let back = text.replace("Leave of Absence", "Active");
    mapping = columns(&back).unwrap().guess;
    import(&mut conn, &back, &mapping).unwrap();
    let rows = roster(&conn, "2026-12-01");
    let maja = rows.iter().find(|r| r.employee_no == "E2").unwrap();
    assert_eq!(maja.leave, None, "back from leave");
}

//! Files that went through Excel or came from a UK system: employee
//! numbers without their leading zeros, day-first dates, Oracle dates.

use super::*;
use crate::staff::{self, EmploymentType, Role, StaffInput};
use crate::store;

const HEADER: &str =
    "Employee ID,Last Name,First Name,Job Title,Employment Type,FTE,Hourly Rate,Hire Date";

fn file(rows: &[&str]) -> String {
    let mut text = String::from(HEADER);
    for r in rows {
        text.push_str("\r\n");
        text.push_str(r);
    }
    text
}

fn person(conn: &mut Connection, no: &str, first: &str, last: &str, hired: &str) {
    staff::create(
        conn,
        &StaffInput {
            first_name: first.into(),
            last_name: last.into(),
            employee_no: no.into(),
            role: Some(Role::Rn),
            employment_type: Some(EmploymentType::FullTime),
            fte: "1".into(),
            hourly_rate: "50.00".into(),
            hire_date: hired.into(),
            ..Default::default()
        },
    )
    .unwrap();
}

fn conn() -> Connection {
    let mut conn = store::open_in_memory().unwrap();
    person(&mut conn, "00045781", "Ann", "Shaw", "2019-03-04");
    person(&mut conn, "00045782", "Ben", "Cole", "2020-01-15");
    conn
}

fn check(conn: &Connection, text: &str, order: Option<DateOrder>) -> StaffImportPreview {
    let mut mapping = columns(text).unwrap().guess;
    mapping.date_order = order;
    preview(conn, text, &mapping).unwrap()
}

fn staff_count(conn: &Connection) -> i64 {
    conn.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_number_that_lost_its_leading_zeros_updates_its_person_and_says_so() {
    let mut conn = conn();
    let text = file(&[
        "45781,Shaw,Ann,RN,FT,1,52.00,3/4/2019",
        "45782,Cole,Ben,RN,FT,1,50.00,1/15/2020",
    ]);
    let p = check(&conn, &text, None);
    assert_eq!((p.adds, p.updates, p.unchanged, p.errors), (0, 1, 1, 0));
    assert!(
        p.notices[0].contains("Matched 45781 to 00045781 — leading zeros lost"),
        "{:?}",
        p.notices
    );
    assert!(p.rows[0].summary.contains("leading zeros lost"));
    let mapping = columns(&text).unwrap().guess;
    import(&mut conn, &text, &mapping).unwrap();
    assert_eq!(staff_count(&conn), 2, "nobody is added twice");
    let no: String = conn
        .query_row(
            "SELECT employee_no FROM staff WHERE hourly_rate_cents = 5200",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(no, "00045781", "the roster keeps its number");
}

#[test]
fn a_number_only_zeros_apart_from_two_people_matches_nobody_and_the_same_number_twice_is_refused() {
    let mut conn = conn();
    person(&mut conn, "045781", "Cal", "Diaz", "2021-05-05");
    let p = check(
        &conn,
        &file(&["45781,Shaw,Ann,RN,FT,1,52.00,3/4/2019"]),
        None,
    );
    assert_eq!(p.adds, 1, "two people fit, so none is chosen");
    assert!(p.rows[0]
        .warning
        .as_deref()
        .unwrap()
        .contains("Shaw, Ann (00045781)"));
    let p = check(
        &conn,
        &file(&[
            "45782,Cole,Ben,RN,FT,1,50.00,1/15/2020",
            "00045782,Cole,Ben,RN,FT,1,50.00,1/15/2020",
        ]),
        None,
    );
    assert!(p.rows[1]
        .error
        .as_deref()
        .unwrap()
        .contains("also on line 2"));
}

#[test]
fn a_new_person_with_a_roster_persons_name_and_hire_date_is_flagged() {
    let conn = conn();
    let p = check(
        &conn,
        &file(&[
            "E45781,Shaw,Ann,RN,FT,1,52.00,03/04/2019",
            "E9,Shaw,Ann,RN,FT,1,52.00,03/05/2019",
        ]),
        Some(DateOrder::MonthFirst),
    );
    assert_eq!(p.adds, 2);
    let w = p.rows[0].warning.as_deref().unwrap();
    assert!(w.contains("Shaw, Ann (00045781)") && w.contains("same name and hire date"));
    assert_eq!(
        p.rows[1].warning, None,
        "another hire date is another person"
    );
}

#[test]
fn people_the_file_leaves_out_are_named() {
    let conn = conn();
    let p = check(
        &conn,
        &file(&["00045781,Shaw,Ann,RN,FT,1,50.00,3/4/2019"]),
        None,
    );
    assert!(p
        .notices
        .contains(&"1 person on the roster is not in this file (Cole, Ben (00045782)) — they are left as they are.".to_string()),
        "{:?}", p.notices);
    let p = check(
        &conn,
        &file(&[
            "00045781,Shaw,Ann,RN,FT,1,50.00,3/4/2019",
            "00045782,Cole,Ben,RN,FT,1,50.00,1/15/2020",
        ]),
        None,
    );
    assert!(p.notices.is_empty(), "{:?}", p.notices);
}

fn hire_of(p: &StaffImportPreview, line: usize) -> String {
    p.rows[line]
        .summary
        .split(" · ")
        .find_map(|s| s.strip_prefix("hired "))
        .unwrap()
        .to_string()
}

#[test]
fn a_uk_date_column_is_read_day_first_from_any_day_above_12() {
    let conn = store::open_in_memory().unwrap();
    let text = file(&[
        "1,Ng,Ho,RN,FT,1,50.00,03/04/2019",
        "2,Li,Jo,RN,FT,1,50.00,25/12/2020",
    ]);
    let p = check(&conn, &text, None);
    assert_eq!(p.errors, 0, "{:?}", p.rows);
    assert_eq!(hire_of(&p, 0), "2019-04-03");
    assert_eq!(p.date_question, None, "the column told");
    // Even a manager's month-first choice does not override what the column shows.
    let p = check(&conn, &text, Some(DateOrder::MonthFirst));
    assert_eq!(hire_of(&p, 0), "2019-04-03");
}

#[test]
fn a_date_column_that_cannot_tell_asks_and_follows_the_choice() {
    let conn = store::open_in_memory().unwrap();
    let text = file(&[
        "1,Ng,Ho,RN,FT,1,50.00,03/04/2019",
        "2,Li,Jo,RN,FT,1,50.00,04-MAR-2019",
    ]);
    let p = check(&conn, &text, None);
    assert_eq!(p.date_question.as_deref(), Some("03/04/2019"));
    assert_eq!(p.date_order, DateOrder::MonthFirst);
    assert_eq!(hire_of(&p, 0), "2019-03-04");
    assert_eq!(hire_of(&p, 1), "2019-03-04", "Oracle's DD-MON-YYYY");
    let p = check(&conn, &text, Some(DateOrder::DayFirst));
    assert_eq!(
        p.date_question.as_deref(),
        Some("03/04/2019"),
        "still shown, to change back"
    );
    assert_eq!(hire_of(&p, 0), "2019-04-03");
}

#[test]
fn a_date_column_with_both_shapes_is_refused_row_by_row() {
    let conn = store::open_in_memory().unwrap();
    let text = file(&[
        "1,Ng,Ho,RN,FT,1,50.00,25/03/2019",
        "2,Li,Jo,RN,FT,1,50.00,03/25/2019",
        "3,Ma,Al,RN,FT,1,50.00,2019-03-25",
    ]);
    let p = check(&conn, &text, None);
    assert_eq!((p.errors, p.adds), (2, 1));
    assert!(p.rows[0]
        .error
        .as_deref()
        .unwrap()
        .contains("day-first dates (25/03/2019) and month-first dates (03/25/2019)"));
}

const NO_PAY: &str = "Employee ID,Last Name,First Name,Job Title,Employment Type,FTE,Hire Date\r\n\
                      00045781,Shaw,Ann,RN,FT,0.9,3/4/2019\r\n\
                      77,Roe,Kim,RN,PT,0.6,2/1/2024";

#[test]
fn a_file_without_pay_adds_people_at_the_one_rate_typed_in_the_preview() {
    let mut conn = conn();
    let mut mapping = columns(NO_PAY).unwrap().guess;
    let p = preview(&conn, NO_PAY, &mapping).unwrap();
    assert!(p.rate_question);
    assert!(p.rows[1]
        .error
        .as_deref()
        .unwrap()
        .contains("an hourly rate"));
    assert_eq!(p.rows[0].action, ImportAction::Update, "Ann keeps her rate");
    for (bad, says) in [
        ("0", "0 would count"),
        ("abc", "not an amount"),
        ("-3", "negative"),
    ] {
        mapping.new_rate = Some(bad.into());
        let err = preview(&conn, NO_PAY, &mapping).unwrap_err();
        assert_eq!(err.fields[0].field, "new_rate");
        assert!(
            err.fields[0].message.contains(says),
            "{bad}: {}",
            err.fields[0].message
        );
    }
    mapping.new_rate = Some("$41.5".into());
    let p = preview(&conn, NO_PAY, &mapping).unwrap();
    assert_eq!((p.adds, p.updates, p.errors), (1, 1, 0));
    assert!(p.rows[1].summary.contains("$41.50/h for new people"));
    import(&mut conn, NO_PAY, &mapping).unwrap();
    let rates: Vec<(String, i64)> = conn
        .prepare("SELECT employee_no, hourly_rate_cents FROM staff ORDER BY employee_no")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rates,
        vec![
            ("00045781".into(), 5000),
            ("00045782".into(), 5000),
            ("77".into(), 4150)
        ]
    );
}

#[test]
fn statuses_are_read_by_their_words_and_the_manager_reads_the_rest() {
    let conn = conn();
    let text = "Employee ID,Employee Status\r\n00045781,Active Assignment\r\n00045782,Per Diem\r\n";
    let mut mapping = columns(text).unwrap().guess;
    assert_eq!(
        mapping.columns,
        vec![Some(StaffField::EmployeeNo), Some(StaffField::Status)]
    );
    let p = preview(&conn, text, &mapping).unwrap();
    assert_eq!(p.rows[0].action, ImportAction::Unchanged);
    assert!(p.rows[1]
        .error
        .as_deref()
        .unwrap()
        .contains("choose what it means in the table of statuses"));
    assert_eq!(
        p.statuses,
        vec![StatusValue {
            value: "Per Diem".into(),
            rows: 1,
            status: None,
            remembered: false
        }]
    );
    mapping.statuses = vec![StatusChoice {
        value: "Per Diem".into(),
        status: HrStatus::Active,
    }];
    let p = preview(&conn, text, &mapping).unwrap();
    assert_eq!(p.errors, 0, "{:?}", p.rows);
    assert_eq!(
        p.statuses[0].status,
        Some(HrStatus::Active),
        "a choice stays in view"
    );
}

#[test]
fn values_win_over_a_header_that_names_a_field_they_cannot_be() {
    use StaffField::*;
    let text = "Employee ID,Worker,Pay Rate Type,Employment Status,Worker Status,Scheduled FTE,Hire Date\r\n\
                00045781,\"Shaw, Ann\",Hourly,Active,Active,1,03/04/2019\r\n\
                00045782,\"Cole, Ben\",Salaried,Leave of Absence,Active,0.9,01/15/2020\r\n";
    let cols = columns(text).unwrap().guess.columns;
    assert_eq!(cols[2], None, "Hourly/Salaried is no employment type");
    assert_eq!(
        cols[3], None,
        "statuses, and Status is taken by the next column"
    );
    assert_eq!(cols[4], Some(Status));
}

#[test]
fn peoplesoft_upper_case_names_are_recognised() {
    use StaffField::*;
    let text = "EMPLID,LAST_NAME,FIRST_NAME,JOBCODE,EMPL_STATUS,HOURLY_RT,HIRE_DT,TERMINATION_DT,DEPTID\r\n\
                45781,SHAW,ANN,RN2,A,52.00,04-MAR-2019,,4W\r\n";
    let cols = columns(text).unwrap().guess.columns;
    assert_eq!(
        cols,
        vec![
            Some(EmployeeNo),
            Some(LastName),
            Some(FirstName),
            Some(JobCode),
            Some(Status),
            Some(HourlyRate),
            Some(HireDate),
            Some(TerminationDate),
            Some(Department)
        ]
    );
}

#[test]
fn a_field_every_row_fails_points_at_the_column_not_the_rows() {
    let conn = conn();
    let text = "Employee ID,Employment Type\r\n00045781,Hourly\r\n00045782,Salaried\r\n";
    let mut mapping = columns(text).unwrap().guess;
    mapping.columns[1] = Some(StaffField::EmploymentType);
    let p = preview(&conn, text, &mapping).unwrap();
    assert_eq!(p.errors, 2);
    assert!(
        p.notices[0].starts_with(
            "Every row fails on Employment type: check which column is matched to Employment type"
        ),
        "{:?}",
        p.notices
    );
    // One bad row among good ones is the row's fault.
    let text = "Employee ID,Employment Type\r\n00045781,FT\r\n00045782,Salaried\r\n";
    let p = preview(&conn, text, &mapping).unwrap();
    assert!(
        p.notices.iter().all(|n| !n.starts_with("Every row")),
        "{:?}",
        p.notices
    );
}

#[test]
fn a_title_its_words_cannot_place_takes_the_role_its_job_codes_name() {
    let conn = store::open_in_memory().unwrap();
    let text = "Employee ID,Last Name,First Name,Job Title,Job Code,Employment Type,FTE,Hourly Rate,Hire Date\r\n\
                1,Ng,Ho,Unit Lead,RN2,FT,1,50.00,2019-01-01\r\n\
                2,Li,Jo,Unit Lead,RN1,FT,1,50.00,2019-01-01\r\n\
                3,Ma,Al,Sitter,CNA,FT,1,20.00,2019-01-01\r\n\
                4,Ko,Bo,Float Staff,RN,FT,1,50.00,2019-01-01\r\n\
                5,Oh,Cy,Float Staff,LPN,FT,1,40.00,2019-01-01\r\n";
    let p = check(&conn, text, None);
    let how = |v: &str| {
        let r = p.roles.iter().find(|r| r.value == v).unwrap();
        (r.role, r.how)
    };
    assert_eq!(how("Unit Lead"), (Some(Role::Rn), RoleHow::FromCode));
    assert_eq!(how("Sitter"), (Some(Role::Cna), RoleHow::FromCode));
    assert_eq!(
        how("Float Staff"),
        (None, RoleHow::Missing),
        "its codes disagree"
    );
    assert_eq!((p.adds, p.errors), (3, 2));
}

#[test]
fn an_empty_number_or_full_name_is_said_once() {
    let conn = conn();
    let text = "Employee ID,Name,Hourly Rate\r\n,\"Shaw, Ann\",50.00\r\n00045781,,50.00\r\n";
    let mut mapping = columns(text).unwrap().guess;
    mapping.columns = vec![
        Some(StaffField::EmployeeNo),
        Some(StaffField::FullName),
        Some(StaffField::HourlyRate),
    ];
    let p = preview(&conn, text, &mapping).unwrap();
    let first = p.rows[0].error.as_deref().unwrap();
    assert!(
        first.starts_with("The employee number is empty. "),
        "{first}"
    );
    assert!(!first.contains("Employee number"), "{first}");
    assert_eq!(p.rows[1].error.as_deref(), Some("Full name is empty."));
}

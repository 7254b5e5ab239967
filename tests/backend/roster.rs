//! The staff roster with credentials and trainings, through the domain API on a
//! real file: what is saved, what is refused, and what the list shows.

use rusqlite::Connection;
use wardbook::credentials::{
    self, CredentialInput, CredentialStatus, CredentialTypeInput, ExpiredAction,
};
use wardbook::error::ErrorCode;
use wardbook::staff::{
    self, EmploymentType, Role, StaffInput, StaffQuery, StaffSort, StatusFilter,
};
use wardbook::{department, skills};
use wardbook_tests::{day, department_input, DataDir};

const TODAY: &str = "2026-11-27";

fn person(first: &str, last: &str, no: &str, role: Role) -> StaffInput {
    StaffInput {
        first_name: first.into(),
        last_name: last.into(),
        employee_no: no.into(),
        role: Some(role),
        employment_type: Some(EmploymentType::FullTime),
        fte: "0.9".into(),
        hourly_rate: "40.00".into(),
        hire_date: "2020-02-03".into(),
        ..Default::default()
    }
}

fn setup() -> (DataDir, Connection) {
    let dir = DataDir::new();
    let conn = dir.open();
    department::create(&conn, &department_input("4 West")).unwrap();
    (dir, conn)
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn all() -> StaffQuery {
    StaffQuery {
        status: StatusFilter::All,
        ..Default::default()
    }
}

#[test]
fn employee_number_must_be_unique_ignoring_case_and_nothing_is_saved() {
    let (_dir, mut conn) = setup();
    staff::create(&mut conn, &person("Ann", "Lee", "E100", Role::Rn)).unwrap();
    let err = staff::create(&mut conn, &person("Bo", "Kim", "e100", Role::Cna)).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("employee_no"));
    assert_eq!(
        err.message,
        "Employee number e100 is already used by Lee, Ann."
    );
    assert_eq!(count(&conn, "staff"), 1, "the refused person was not saved");
}

#[test]
fn a_refused_edit_leaves_the_record_as_it_was() {
    let (_dir, mut conn) = setup();
    let ann = staff::create(&mut conn, &person("Ann", "Lee", "E100", Role::Rn)).unwrap();
    let bad = StaffInput {
        last_name: "Leigh".into(),
        fte: "1.01".into(),
        ..person("Ann", "Lee", "E100", Role::Rn)
    };
    let err = staff::update(&mut conn, ann.id, &bad).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        err.message_for("fte"),
        Some("FTE must be between 0 and 1.00.")
    );
    assert_eq!(
        staff::get(&conn, ann.id).unwrap(),
        ann,
        "no field of the refused edit was saved"
    );
}

#[test]
fn terminate_and_reactivate_move_a_person_between_the_lists() {
    let (_dir, mut conn) = setup();
    let ann = staff::create(&mut conn, &person("Ann", "Lee", "E100", Role::Rn)).unwrap();
    let today = day(TODAY);

    let err = staff::terminate(&conn, ann.id, "2020-02-02").unwrap_err();
    assert_eq!(err.field.as_deref(), Some("last_day"));
    assert!(err.message.contains("before the hire date (2020-02-03)"));
    assert!(staff::terminate(&conn, ann.id, "31/12/2026")
        .unwrap_err()
        .message
        .contains("not a valid date"));

    staff::terminate(&conn, ann.id, "2026-11-27").unwrap();
    let active = staff::list(&conn, &StaffQuery::default(), today).unwrap();
    assert_eq!(
        active.len(),
        1,
        "today is her last day (the termination date is the last day worked): still active"
    );
    staff::terminate(&conn, ann.id, "2026-11-26").unwrap();
    let active = staff::list(&conn, &StaffQuery::default(), today).unwrap();
    assert!(
        active.is_empty(),
        "her last day was yesterday: no longer in the active list"
    );
    let gone = staff::list(
        &conn,
        &StaffQuery {
            status: StatusFilter::Terminated,
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert_eq!(gone[0].termination_date.as_deref(), Some("2026-11-26"));

    staff::reactivate(&conn, ann.id).unwrap();
    assert_eq!(
        staff::list(&conn, &StaffQuery::default(), today)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_future_termination_keeps_the_person_active_until_their_last_day() {
    let (_dir, mut conn) = setup();
    let ann = staff::create(&mut conn, &person("Ann", "Lee", "E100", Role::Rn)).unwrap();
    staff::terminate(&conn, ann.id, "2026-12-15").unwrap();
    let rows = staff::list(&conn, &StaffQuery::default(), day(TODAY)).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].active);
}

fn add_type(conn: &mut Connection, name: &str, roles: &[Role], months: &str) -> i64 {
    let form = CredentialTypeInput {
        name: name.into(),
        required_for: roles.to_vec(),
        renewal_months: months.into(),
        when_expired: ExpiredAction::Block,
    };
    credentials::save_type(conn, None, &form).unwrap().id
}

#[test]
fn credential_status_in_the_list_follows_the_records() {
    let (_dir, mut conn) = setup();
    let today = day(TODAY);
    let ann = staff::create(&mut conn, &person("Ann", "Lee", "E1", Role::Rn)).unwrap();
    let clerk = staff::create(&mut conn, &person("Cy", "Ray", "E2", Role::UnitClerk)).unwrap();
    let bls = add_type(&mut conn, "BLS", &[Role::Rn], "24");

    let status = |conn: &Connection, id: i64| {
        staff::list(conn, &all(), today)
            .unwrap()
            .into_iter()
            .find(|r| r.id == id)
            .unwrap()
            .credentials
            .status
    };
    assert_eq!(
        status(&conn, ann.id),
        CredentialStatus::Missing,
        "BLS is required of RNs"
    );
    assert_eq!(
        status(&conn, clerk.id),
        CredentialStatus::Compliant,
        "not of clerks"
    );

    let record = |expires: &str| CredentialInput {
        type_id: bls,
        number: "B-1".into(),
        expires_on: expires.into(),
        ..Default::default()
    };
    let saved = credentials::save(&mut conn, ann.id, None, &record("2027-01-10"), today).unwrap();
    assert_eq!(status(&conn, ann.id), CredentialStatus::Expiring);
    credentials::save(
        &mut conn,
        ann.id,
        Some(saved.id),
        &record("2026-11-26"),
        today,
    )
    .unwrap();
    assert_eq!(status(&conn, ann.id), CredentialStatus::Expired);
    credentials::save(
        &mut conn,
        ann.id,
        Some(saved.id),
        &record("2028-11-26"),
        today,
    )
    .unwrap();
    assert_eq!(status(&conn, ann.id), CredentialStatus::Compliant);
}

#[test]
fn expiry_follows_the_renewal_period_when_left_empty() {
    let (_dir, mut conn) = setup();
    let ann = staff::create(&mut conn, &person("Ann", "Lee", "E1", Role::Rn)).unwrap();
    let acls = add_type(&mut conn, "ACLS", &[Role::Rn], "24");
    let form = CredentialInput {
        type_id: acls,
        issued_on: "2025-03-31".into(),
        ..Default::default()
    };
    let saved = credentials::save(&mut conn, ann.id, None, &form, day(TODAY)).unwrap();
    assert_eq!(
        saved.expires_on.as_deref(),
        Some("2027-03-31"),
        "issued + 24 months"
    );
}

#[test]
fn credential_dates_are_checked_and_a_second_record_of_a_type_refused() {
    let (_dir, mut conn) = setup();
    let today = day(TODAY);
    let ann = staff::create(&mut conn, &person("Ann", "Lee", "E1", Role::Rn)).unwrap();
    let bls = add_type(&mut conn, "BLS", &[Role::Rn], "");
    let backwards = CredentialInput {
        type_id: bls,
        issued_on: "2026-05-01".into(),
        expires_on: "2026-04-30".into(),
        ..Default::default()
    };
    let err = credentials::save(&mut conn, ann.id, None, &backwards, today).unwrap_err();
    assert_eq!(
        err.message_for("expires_on"),
        Some("The expiry date cannot be before the issue date.")
    );
    let future_check = CredentialInput {
        type_id: bls,
        verified_on: "2026-11-28".into(),
        ..Default::default()
    };
    assert!(
        credentials::save(&mut conn, ann.id, None, &future_check, today)
            .unwrap_err()
            .message_for("verified_on")
            .is_some()
    );
    assert_eq!(
        count(&conn, "credential"),
        0,
        "refused records are not saved"
    );

    credentials::save(
        &mut conn,
        ann.id,
        None,
        &CredentialInput {
            type_id: bls,
            ..Default::default()
        },
        today,
    )
    .unwrap();
    let err = credentials::save(
        &mut conn,
        ann.id,
        None,
        &CredentialInput {
            type_id: bls,
            ..Default::default()
        },
        today,
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("type_id"));
}

#[test]
fn a_credential_type_someone_holds_cannot_be_deleted() {
    let (_dir, mut conn) = setup();
    let ann = staff::create(&mut conn, &person("Ann", "Lee", "E1", Role::Rn)).unwrap();
    let bls = add_type(&mut conn, "BLS", &[Role::Rn], "24");
    let held = credentials::save(
        &mut conn,
        ann.id,
        None,
        &CredentialInput {
            type_id: bls,
            ..Default::default()
        },
        day(TODAY),
    )
    .unwrap();
    let err = credentials::delete_type(&conn, bls).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.starts_with("1 staff member has a record"));
    credentials::delete(&conn, ann.id, held.id).unwrap();
    credentials::delete_type(&conn, bls).unwrap();
    assert_eq!(count(&conn, "credential_type"), 0);
}

#[test]
fn credential_type_names_are_unique_ignoring_case() {
    let (_dir, mut conn) = setup();
    add_type(&mut conn, "BLS", &[], "");
    let form = CredentialTypeInput {
        name: "bls".into(),
        required_for: vec![],
        renewal_months: "".into(),
        when_expired: ExpiredAction::Warn,
    };
    assert_eq!(
        credentials::save_type(&mut conn, None, &form)
            .unwrap_err()
            .field
            .as_deref(),
        Some("name")
    );
    let bad_months = CredentialTypeInput {
        name: "PALS".into(),
        renewal_months: "0".into(),
        ..form
    };
    assert!(credentials::save_type(&mut conn, None, &bad_months)
        .unwrap_err()
        .message_for("renewal_months")
        .is_some());
}

#[test]
fn search_matches_name_number_and_skill_and_filters_combine() {
    let (_dir, mut conn) = setup();
    let today = day(TODAY);
    let charge = skills::save(&conn, None, "Charge").unwrap();
    let ann = StaffInput {
        skill_ids: vec![charge.id],
        ..person("Ann", "O'Neil", "E1", Role::Rn)
    };
    staff::create(&mut conn, &ann).unwrap();
    staff::create(&mut conn, &person("José", "Núñez", "E22", Role::Cna)).unwrap();
    staff::create(
        &mut conn,
        &StaffInput {
            employment_type: Some(EmploymentType::Agency),
            ..person("Kim", "Park", "AG-9", Role::Rn)
        },
    )
    .unwrap();

    let names = |q: StaffQuery| -> Vec<String> {
        staff::list(&conn, &q, today)
            .unwrap()
            .into_iter()
            .map(|r| r.last_name)
            .collect()
    };
    assert_eq!(
        names(StaffQuery {
            search: "o'ne".into(),
            ..Default::default()
        }),
        ["O'Neil"],
        "apostrophes are ordinary text"
    );
    assert_eq!(
        names(StaffQuery {
            search: "NÚÑ".into(),
            ..Default::default()
        }),
        ["Núñez"],
        "case-insensitive with accents"
    );
    assert_eq!(
        names(StaffQuery {
            search: "e22".into(),
            ..Default::default()
        }),
        ["Núñez"]
    );
    assert_eq!(
        names(StaffQuery {
            search: "charge".into(),
            ..Default::default()
        }),
        ["O'Neil"],
        "skills are searchable"
    );
    assert_eq!(
        names(StaffQuery {
            role: Some(Role::Rn),
            ..Default::default()
        }),
        ["O'Neil", "Park"]
    );
    assert_eq!(
        names(StaffQuery {
            role: Some(Role::Rn),
            employment_type: Some(EmploymentType::Agency),
            ..Default::default()
        }),
        ["Park"]
    );
    assert_eq!(
        names(StaffQuery {
            sort: StaffSort::EmployeeNo,
            descending: true,
            ..Default::default()
        }),
        ["Núñez", "O'Neil", "Park"]
    );
}

#[test]
fn sorting_by_credentials_puts_problems_first() {
    let (_dir, mut conn) = setup();
    let today = day(TODAY);
    let ok = staff::create(&mut conn, &person("Al", "Able", "E1", Role::Rn)).unwrap();
    let expired = staff::create(&mut conn, &person("Zed", "Zane", "E2", Role::Rn)).unwrap();
    let bls = add_type(&mut conn, "BLS", &[Role::Rn], "");
    credentials::save(
        &mut conn,
        ok.id,
        None,
        &CredentialInput {
            type_id: bls,
            expires_on: "2030-01-01".into(),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    credentials::save(
        &mut conn,
        expired.id,
        None,
        &CredentialInput {
            type_id: bls,
            expires_on: "2026-01-01".into(),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    let rows = staff::list(
        &conn,
        &StaffQuery {
            sort: StaffSort::Credentials,
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert_eq!(rows[0].last_name, "Zane", "expired sorts before compliant");
}

#[test]
fn deleting_a_skill_removes_it_from_everyone() {
    let (_dir, mut conn) = setup();
    let tele = skills::save(&conn, None, "Telemetry").unwrap();
    let ann = staff::create(
        &mut conn,
        &StaffInput {
            skill_ids: vec![tele.id],
            ..person("Ann", "Lee", "E1", Role::Rn)
        },
    )
    .unwrap();
    assert_eq!(ann.skills.len(), 1);
    skills::delete(&conn, tele.id).unwrap();
    assert!(staff::get(&conn, ann.id).unwrap().skills.is_empty());
    assert_eq!(
        skills::save(&conn, None, " ").unwrap_err().message,
        "Enter the skill name."
    );
}

#[test]
fn search_ignores_accents_and_case_both_ways() {
    let (_dir, mut conn) = setup();
    let today = day(TODAY);
    staff::create(&mut conn, &person("Lucía", "Fernández", "E1", Role::Rn)).unwrap();
    staff::create(&mut conn, &person("Jonas", "Müller", "E2", Role::Rn)).unwrap();
    staff::create(&mut conn, &person("Thị Lan", "Nguyễn", "E3", Role::Cna)).unwrap();
    // Keyed in without accents by another system, searched with them.
    staff::create(&mut conn, &person("Rene", "Dupre", "E4", Role::Cna)).unwrap();
    staff::create(&mut conn, &person("Lucas", "Muir", "E5", Role::Cna)).unwrap();
    let found = |search: &str| -> Vec<String> {
        let q = StaffQuery {
            search: search.into(),
            ..Default::default()
        };
        staff::list(&conn, &q, today)
            .unwrap()
            .into_iter()
            .map(|r| r.last_name)
            .collect()
    };
    assert_eq!(found("lucia"), ["Fernández"], "not Lucas");
    assert_eq!(found("muller"), ["Müller"], "not Muir");
    assert_eq!(found("nguyen"), ["Nguyễn"]);
    assert_eq!(
        found("NGUYEN thi"),
        ["Nguyễn"],
        "first and last name together"
    );
    assert_eq!(found("fernandez, lu"), ["Fernández"], "last, first");
    assert_eq!(found("René Dupré"), ["Dupre"], "accents typed, none stored");
    assert!(
        found("lucía muller").is_empty(),
        "a fold is not a fuzzy match"
    );
}

//! Credential compliance as an inspector reads it: every person, each
//! required credential with its number and expiry, the status on the day,
//! a missing one listed as missing.

use super::*;
use wardbook::credentials::{self, CredentialInput, CredentialTypeInput, ExpiredAction};
use wardbook::staff::{self, EmploymentType, Role, StaffInput};
use wardbook_tests::{day, department_input, DataDir};

fn person(first: &str, last: &str, no: &str, role: Role) -> StaffInput {
    StaffInput {
        first_name: first.into(),
        last_name: last.into(),
        employee_no: no.into(),
        role: Some(role),
        employment_type: Some(EmploymentType::FullTime),
        fte: "1".into(),
        hourly_rate: "40".into(),
        hire_date: "2020-02-03".into(),
        ..Default::default()
    }
}

fn kind(conn: &mut Connection, name: &str, roles: Vec<Role>) -> i64 {
    let form = CredentialTypeInput {
        name: name.into(),
        required_for: roles,
        renewal_months: String::new(),
        when_expired: ExpiredAction::Block,
    };
    credentials::save_type(conn, None, &form).unwrap().id
}

fn hold(conn: &mut Connection, staff: i64, type_id: i64, number: &str, expires: &str) {
    let form = CredentialInput {
        type_id,
        number: number.into(),
        expires_on: expires.into(),
        verified_on: "2026-01-05".into(),
        ..Default::default()
    };
    credentials::save(conn, staff, None, &form, day(TODAY)).unwrap();
}

#[test]
fn each_required_credential_of_each_person_with_its_status_on_the_day() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::department::create(&conn, &department_input("4 West")).unwrap();
    let bls = kind(&mut conn, "BLS", vec![Role::Rn, Role::Cna]);
    let license = kind(&mut conn, "RN license", vec![Role::Rn]);
    let acls = kind(&mut conn, "ACLS", vec![]);
    let maria = staff::create(&mut conn, &person("Maria", "Lopez", "E1", Role::Rn))
        .unwrap()
        .id;
    let ann = staff::create(&mut conn, &person("Ann", "Lee", "E2", Role::Rn))
        .unwrap()
        .id;
    let bo = staff::create(&mut conn, &person("Bo", "Chen", "E3", Role::Cna))
        .unwrap()
        .id;
    staff::create(&mut conn, &person("Uma", "Ortiz", "E4", Role::UnitClerk)).unwrap();
    hold(&mut conn, maria, bls, "BLS-111", "2026-11-24");
    hold(&mut conn, maria, license, "RN-90210", "2027-06-30");
    hold(&mut conn, maria, acls, "ACLS-7", "2027-01-15");
    hold(&mut conn, ann, bls, "BLS-222", "2027-02-25");
    hold(&mut conn, bo, bls, "BLS-333", "2028-01-01");

    let request = ReportRequest::default(); // as of today
    let rows = csv_rows(&make(&conn, ReportKind::Credentials, ReportFormat::Csv, &request).bytes);
    assert_eq!(
        rows[0],
        [
            "Name",
            "Employee no.",
            "Role",
            "Credential",
            "Required",
            "Number",
            "Expires",
            "Verified",
            "Status"
        ]
    );
    let lines: Vec<Vec<&str>> = rows[1..]
        .iter()
        .map(|r| {
            vec![
                r[0].as_str(),
                r[3].as_str(),
                r[4].as_str(),
                r[5].as_str(),
                r[6].as_str(),
                r[8].as_str(),
            ]
        })
        .collect();
    assert_eq!(
        lines,
        [
            vec![
                "Chen, Bo",
                "BLS",
                "Yes",
                "BLS-333",
                "2028-01-01",
                "Compliant"
            ],
            vec![
                "Lee, Ann",
                "BLS",
                "Yes",
                "BLS-222",
                "2027-02-25",
                "Expires in 90 days"
            ],
            vec!["Lee, Ann", "RN license", "Yes", "", "", "Missing"],
            vec![
                "Lopez, Maria",
                "BLS",
                "Yes",
                "BLS-111",
                "2026-11-24",
                "Expired 3 days ago"
            ],
            vec![
                "Lopez, Maria",
                "RN license",
                "Yes",
                "RN-90210",
                "2027-06-30",
                "Compliant"
            ],
            vec![
                "Lopez, Maria",
                "ACLS",
                "No",
                "ACLS-7",
                "2027-01-15",
                "Expires in 49 days"
            ],
            vec!["Ortiz, Uma", "None required", "", "", "", ""],
        ],
        "everyone, in name order; each credential in type order"
    );

    let pdf = make(&conn, ReportKind::Credentials, ReportFormat::Pdf, &request);
    let pages = pdf_pages(&pdf.bytes);
    assert_page_headers(
        &pages,
        "4 West",
        "Credential compliance",
        &format!("As of {TODAY}"),
    );
    assert!(
        pages[0].contains("4 people employed on 2026-11-27; 5 required credentials: 3 valid (2 compliant, 1 expiring within 90 days), 1 expired, 1 missing."),
        "the counts an inspector asks first: {}",
        pages[0]
    );
    assert!(pages[0].contains("Expired 3 days ago") && pages[0].contains("RN-90210"));

    // A month earlier Maria's BLS was still valid and Ann's was not yet close.
    let earlier = ReportRequest {
        as_of: "2026-10-27".into(),
        ..Default::default()
    };
    let rows = csv_rows(&make(&conn, ReportKind::Credentials, ReportFormat::Csv, &earlier).bytes);
    let status = |name: &str, cred: &str| {
        rows.iter()
            .find(|r| r[0] == name && r[3] == cred)
            .map(|r| r[8].clone())
            .unwrap()
    };
    assert_eq!(status("Lopez, Maria", "BLS"), "Expires in 28 days");
    assert_eq!(
        status("Lee, Ann", "BLS"),
        "Compliant",
        "121 days out is not yet expiring"
    );
}

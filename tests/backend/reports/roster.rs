//! The staff roster: everyone employed on the day, long enough to need
//! several pages with the table header on each.

use super::*;
use wardbook::schedule::store::periods;
use wardbook_tests::{big_unit, day, DataDir};

#[test]
fn a_150_person_roster_runs_to_several_pages_each_with_its_headers() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, day(TODAY)).unwrap();
    let draft = periods::list(&conn).unwrap()[1].clone();
    big_unit::grow_to_150(&mut conn, &draft);
    let employed: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM staff WHERE hire_date <= ?1 AND (termination_date IS NULL OR termination_date >= ?1)",
            [TODAY],
            |r| r.get(0),
        )
        .unwrap();
    // 150 on file; the sample has a leaver and a starter not employed today.
    assert!(employed > 140, "the fixture has {employed} people employed");
    let department = wardbook::department::require(&conn).unwrap().name;
    let request = ReportRequest::default();

    let pdf = make(&conn, ReportKind::Roster, ReportFormat::Pdf, &request);
    assert_eq!(pdf.name, format!("roster-{TODAY}.pdf"));
    let pages = pdf_pages(&pdf.bytes);
    assert!(
        pages.len() >= 3,
        "{employed} rows take more than two pages, got {}",
        pages.len()
    );
    assert_page_headers(
        &pages,
        &department,
        "Staff roster",
        &format!("As of {TODAY}"),
    );
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Employee no.") && page.contains("Hire date"),
            "the table header repeats on page {}",
            i + 1
        );
    }
    let all = pages.concat();
    for i in [0, 47, 94] {
        assert!(
            all.contains(&format!("Nurse{i:03}, Extra{i}")),
            "person {i} is listed"
        );
    }
    assert!(
        pages[0].contains(&format!("{employed} people employed on {TODAY}")),
        "the summary counts everyone: {}",
        pages[0]
    );

    let csv = make(&conn, ReportKind::Roster, ReportFormat::Csv, &request);
    let rows = csv_rows(&csv.bytes);
    assert_eq!(rows[0][..3], ["Name", "Employee no.", "Role"]);
    assert_eq!(
        rows.len() as i64,
        1 + employed + 1,
        "header, everyone, total"
    );
    let extra = row(&rows, 1, "X0047");
    assert_eq!(extra[0], "Nurse047, Extra47");
    assert_eq!(extra[2], "RN");
    assert_eq!(extra[4], "Full-time");
    assert_eq!(extra[5], "0.90");
    assert_eq!(extra[6], "2020-01-06");
    let fte: i64 = conn
        .query_row(
            "SELECT SUM(fte_hundredths) FROM staff WHERE hire_date <= ?1 AND (termination_date IS NULL OR termination_date >= ?1)
               AND employment_type <> 'agency'",
            [TODAY],
            |r| r.get(0),
        )
        .unwrap();
    let total = row(&rows, 0, "Total");
    assert_eq!(
        total[5],
        format!("{}.{:02}", fte / 100, fte % 100),
        "FTE adds up, agency staff left out"
    );
    let agency: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.get(4).map(String::as_str) == Some("Agency"))
        .collect();
    assert!(!agency.is_empty(), "the sample has agency nurses");
    assert!(
        agency.iter().all(|r| r[5] == "—"),
        "agency staff have no FTE: {agency:?}"
    );
}

#[test]
fn the_roster_as_of_a_day_leaves_out_who_had_not_started_or_had_left() {
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::department::create(&conn, &wardbook_tests::department_input("4 West")).unwrap();
    let add = |conn: &mut Connection, last: &str, no: &str, hired: &str| {
        let form = wardbook::staff::StaffInput {
            first_name: "Pat".into(),
            last_name: last.into(),
            employee_no: no.into(),
            role: Some(wardbook::staff::Role::Rn),
            employment_type: Some(wardbook::staff::EmploymentType::PartTime),
            fte: "0.5".into(),
            hourly_rate: "40".into(),
            hire_date: hired.into(),
            ..Default::default()
        };
        wardbook::staff::create(conn, &form).unwrap().id
    };
    add(&mut conn, "Early", "E1", "2020-01-01");
    add(&mut conn, "Later", "E2", "2026-11-01");
    let left = add(&mut conn, "Gone", "E3", "2019-01-01");
    wardbook::staff::terminate(&conn, left, "2026-10-14").unwrap();
    let request = ReportRequest {
        as_of: "2026-10-15".into(),
        ..Default::default()
    };
    let rows = csv_rows(&make(&conn, ReportKind::Roster, ReportFormat::Csv, &request).bytes);
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        ["Early, Pat", "Total"],
        "Later was hired after the day; Gone's last day (the termination date) was the day before"
    );
    wardbook::staff::reactivate(&conn, left).unwrap();
    wardbook::staff::terminate(&conn, left, "2026-10-15").unwrap();
    let rows = csv_rows(&make(&conn, ReportKind::Roster, ReportFormat::Csv, &request).bytes);
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        ["Early, Pat", "Gone, Pat", "Total"],
        "the termination date is the last day worked: Gone is still on the roster that day"
    );
    let bad = ReportRequest {
        as_of: "15/10/2026".into(),
        ..Default::default()
    };
    let err = reports::make(
        &conn,
        ReportKind::Roster,
        ReportFormat::Pdf,
        &bad,
        wardbook_tests::day(TODAY),
    )
    .unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("as_of"),
        "a bad date is refused beside its field"
    );
}

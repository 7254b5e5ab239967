//! An HR export as HR systems write it (issue #21): no employment-type
//! column, free-text job titles beside short job codes, a status column,
//! FTE and dates written several ways, other departments' rows, a BOM,
//! CRLF and columns Wardbook does not keep.

use super::*;
use crate::staff::{self, EmploymentType, Role, StaffInput};
use crate::store;

const HEADER: &str = "Worker ID,Worker Name,Job Title,Job Code,Home Department,Empl Status,Std FTE,Hourly Rate,Original Hire Date,Term Date,Cost Center,Shift Pref";

/// The file: BOM, CRLF, quoted commas in titles and names.
fn export(rows: &[&str]) -> String {
    let mut text = String::from("\u{feff}");
    text.push_str(HEADER);
    for r in rows {
        text.push_str("\r\n");
        text.push_str(r);
    }
    text.push_str("\r\n");
    crate::csv_file::decode(text.as_bytes()).unwrap()
}

const ROWS: &[&str] = &[
    // 2: a charge nurse, full-time by FTE
    "E3001,\"Reyes, Carmen\",\"RN - Charge Nurse, Med/Surg\",RN2,4 West,Active,0.9,$52.10,3/14/2019,,6010-4W,Days",
    // 3: a CNA with the long title, part-time, FTE with a leading point
    "E3002,\"Okafor, Chidi\",\"Nursing Assistant, Certified (CNA)\",CNA1,4 West,Active,.6,21.40,2019-03-14,,6010-4W,Nights",
    // 4: on leave: stays active; FTE with a decimal comma
    "E3003,\"Lindqvist, Maja\",\"RN - Staff Nurse\",RN1,4 West,Leave of Absence,\"0,75\",48.00,11/02/2020,,6010-4W,",
    // 5: per diem by its zero FTE, in percent
    "E3004,\"Tran, Bao\",\"Registered Nurse PRN\",RN1,4 West,Active,0%,55.00,01/05/2022,,6010-4W,",
    // 6: terminated and never on the roster: skipped
    "E3005,\"Berg, Ola\",\"RN - Staff Nurse\",RN1,4 West,Terminated,1,47.00,2015-06-01,2026-10-31,6010-4W,",
    // 7: another department's row: skipped, its unknown title asks for nothing
    "E9001,\"Moss, Kai\",Sitter,SIT1,5 East,Active,1,18.00,2020-01-01,,6010-5E,",
    // 8: Maria, on the roster, terminated by HR with a date
    "E1001,\"Lopez, Maria\",\"RN - Charge Nurse, Med/Surg\",RN2,4 West,Terminated,90%,52.75,6/3/2019,11/30/2026,6010-4W,",
];

fn department_4_west(conn: &Connection) {
    use crate::department::{DepartmentInput, OvertimeRule, UnitType};
    crate::department::create(
        conn,
        &DepartmentInput {
            name: "4 West".into(),
            unit_type: UnitType::MedSurg,
            beds: "32".into(),
            time_zone: "America/Chicago".into(),
            fiscal_year_start_month: "7".into(),
            overtime_rule: OvertimeRule::Weekly40,
        },
    )
    .unwrap();
}

fn conn() -> Connection {
    let mut conn = store::open_in_memory().unwrap();
    department_4_west(&conn);
    staff::create(
        &mut conn,
        &StaffInput {
            first_name: "Maria".into(),
            last_name: "Lopez".into(),
            employee_no: "E1001".into(),
            role: Some(Role::Rn),
            job_code: "RN2".into(),
            employment_type: Some(EmploymentType::FullTime),
            fte: "0.9".into(),
            hourly_rate: "52.75".into(),
            hire_date: "2019-06-03".into(),
            ..Default::default()
        },
    )
    .unwrap();
    conn
}

fn by_line(p: &StaffImportPreview, line: i64) -> &StaffImportRow {
    p.rows.iter().find(|r| r.line_number == line).unwrap()
}

#[test]
fn the_columns_of_an_export_without_employment_type_are_guessed() {
    use StaffField::*;
    let cols = columns(&export(ROWS)).unwrap();
    assert!(cols.guess.has_header);
    assert_eq!(
        cols.guess.columns,
        vec![
            Some(EmployeeNo),
            Some(FullName),
            Some(Role),
            Some(JobCode),
            Some(Department),
            Some(Status),
            Some(Fte),
            Some(HourlyRate),
            Some(HireDate),
            Some(TerminationDate),
            None,
            None,
        ],
        "the cost center is left out once the home department holds the department"
    );
    assert_eq!(cols.guess.employment, EmploymentRule::default());
}

#[test]
fn a_manager_sees_each_row_as_the_export_means_it() {
    let conn = conn();
    let text = export(ROWS);
    let p = preview(&conn, &text, &columns(&text).unwrap().guess).unwrap();
    let summary = |l| by_line(&p, l).summary.clone();
    let action = |l| by_line(&p, l).action;
    assert_eq!(action(2), ImportAction::Add);
    assert_eq!(
        summary(2),
        "RN · Full-time (from FTE) · FTE 0.90 · hired 2019-03-14"
    );
    assert_eq!(
        summary(3),
        "CNA · Part-time (from FTE) · FTE 0.60 · hired 2019-03-14"
    );
    assert_eq!(
        summary(4),
        "RN · Part-time (from FTE) · FTE 0.75 · hired 2020-11-02 · on leave, kept active (from today: the file gives no first day)"
    );
    assert_eq!(
        summary(5),
        "RN · Per diem (from FTE) · FTE 0.00 · hired 2022-01-05"
    );
    assert_eq!(action(6), ImportAction::Skipped);
    assert_eq!(
        summary(6),
        "Terminated in the file and not on the roster: not added."
    );
    assert_eq!(action(7), ImportAction::Skipped);
    assert_eq!(summary(7), "Department “5 East”, not 4 West.");
    assert_eq!(action(8), ImportAction::Update);
    let maria: Vec<(&str, &str, &str)> = by_line(&p, 8)
        .changes
        .iter()
        .map(|c| (c.label.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    // The title HR writes is kept now (issue #21 item 9), so it shows as set.
    assert_eq!(
        maria,
        [
            ("Job title", "", "RN - Charge Nurse, Med/Surg"),
            ("Termination date", "", "2026-11-30")
        ]
    );
    assert_eq!(
        (p.adds, p.updates, p.skipped, p.errors),
        (4, 1, 2, 0),
        "{:?}",
        p.rows
    );
    assert_eq!(p.department.as_deref(), Some("4 West"));
    let roles: Vec<(&str, i64, Option<Role>, RoleHow)> = p
        .roles
        .iter()
        .map(|r| (r.value.as_str(), r.rows, r.role, r.how))
        .collect();
    assert_eq!(
        roles,
        [
            (
                "RN - Charge Nurse, Med/Surg",
                2,
                Some(Role::Rn),
                RoleHow::Guessed
            ),
            (
                "Nursing Assistant, Certified (CNA)",
                1,
                Some(Role::Cna),
                RoleHow::Guessed
            ),
            ("RN - Staff Nurse", 1, Some(Role::Rn), RoleHow::Guessed),
            ("Registered Nurse PRN", 1, Some(Role::Rn), RoleHow::Guessed),
        ],
        "the skipped rows' titles (Sitter) are not asked about"
    );
    assert!(p
        .employment_note
        .as_deref()
        .unwrap()
        .contains("0.90 or more is full-time"));
}

#[test]
fn the_import_writes_adds_terminations_and_remembers_for_next_time() {
    let mut conn = conn();
    let text = export(ROWS);
    let cols = recall(&conn, &text).unwrap();
    assert!(!cols.remembered, "nothing imported yet");
    let out = import(&mut conn, &text, &cols.guess).unwrap();
    assert_eq!((out.added, out.updated, out.skipped), (4, 1, 2));
    let get = |no: &str| -> (String, String, i64, String, Option<String>) {
        conn.query_row(
            "SELECT role, employment_type, fte_hundredths, job_code, termination_date FROM staff WHERE employee_no = ?1",
            [no],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap()
    };
    assert_eq!(
        get("E3001"),
        ("RN".into(), "full_time".into(), 90, "RN2".into(), None)
    );
    assert_eq!(get("E3003").4, None, "on leave is still employed");
    assert_eq!(get("E1001").4.as_deref(), Some("2026-11-30"));
    let absent: i64 = conn
        .query_row(
            "SELECT count(*) FROM staff WHERE employee_no IN ('E3005', 'E9001')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(absent, 0, "skipped rows are not added");

    // The next export from the same report: the mapping and the roles are remembered.
    let mut changed = cols.guess.clone();
    changed.employment.full_time_min = "0.8".into();
    let text2 = export(&[
        "E3010,\"Quinn, Ivy\",\"RN - Charge Nurse, Med/Surg\",RN2,4 West,Active,0.8,50.00,2024-02-01,,6010-4W,",
    ]);
    import(&mut conn, &export(&[ROWS[0]]), &changed).unwrap();
    let again = recall(&conn, &text2).unwrap();
    assert!(again.remembered);
    assert_eq!(
        again.guess.employment.full_time_min, "0.8",
        "the changed threshold is kept"
    );
    let p = preview(&conn, &text2, &again.guess).unwrap();
    assert_eq!(p.roles[0].how, RoleHow::Remembered);
    assert_eq!(
        p.rows[0].summary,
        "RN · Full-time (from FTE) · FTE 0.80 · hired 2024-02-01"
    );
    // Another layout of file is not given this one's mapping.
    let other = recall(&conn, "Employee ID,Pay Rate\nE1001,53.00\n").unwrap();
    assert!(!other.remembered);
}

#[test]
fn an_unknown_title_holds_its_rows_until_the_manager_chooses_a_role() {
    let mut conn = conn();
    let text = export(&[
        "E3020,\"Ames, Jo\",Unit Lead,LEAD,4 West,Active,1,50.00,2020-01-01,,,",
        "E3021,\"Bell, Al\",unit lead,LEAD,4 West,Active,1,50.00,2020-01-01,,,",
    ]);
    let mut m = columns(&text).unwrap().guess;
    let p = preview(&conn, &text, &m).unwrap();
    assert_eq!(p.errors, 2);
    assert_eq!(
        p.rows[0].error.as_deref(),
        Some(
            "Role: “Unit Lead” has no Wardbook role yet; choose one in the table of job titles below."
        )
    );
    assert_eq!(p.roles.len(), 1, "one title, whatever its case");
    assert_eq!((p.roles[0].rows, p.roles[0].how), (2, RoleHow::Missing));
    assert!(
        import(&mut conn, &text, &m).is_err(),
        "nothing imports while a title has no role"
    );
    m.roles.push(RoleChoice {
        value: "UNIT LEAD".into(),
        role: Role::Rn,
        skill_ids: vec![],
    });
    let p = preview(&conn, &text, &m).unwrap();
    assert_eq!((p.adds, p.errors), (2, 0));
    assert_eq!(p.roles[0].how, RoleHow::Chosen);
    import(&mut conn, &text, &m).unwrap();
    let remembered = memory::roles(&conn).unwrap();
    assert_eq!(remembered.get("unitlead").map(|r| r.role), Some(Role::Rn));
}

#[test]
fn new_people_start_with_their_titles_skills_and_people_on_the_roster_keep_theirs() {
    let mut conn = conn();
    let charge = crate::skills::save(&conn, None, "Charge").unwrap().id;
    let gone = crate::skills::save(&conn, None, "Telemetry").unwrap().id;
    let first =
        export(&["E3030,\"Ames, Jo\",RN - Charge Nurse,RN,4 West,Active,1,50.00,2020-01-01,,,"]);
    let mut m = columns(&first).unwrap().guess;
    m.roles.push(RoleChoice {
        value: "RN - Charge Nurse".into(),
        role: Role::Rn,
        skill_ids: vec![charge, gone],
    });
    let p = preview(&conn, &first, &m).unwrap();
    assert_eq!(p.roles[0].skill_ids, vec![charge, gone]);
    assert!(
        p.rows[0].summary.contains("skills Charge, Telemetry"),
        "the preview says what the new person gets: {}",
        p.rows[0].summary
    );
    import(&mut conn, &first, &m).unwrap();
    let skills_of = |conn: &rusqlite::Connection, no: &str| -> Vec<i64> {
        let mut stmt = conn
            .prepare("SELECT skill_id FROM staff_skill JOIN staff ON staff.id = staff_id WHERE employee_no = ?1 ORDER BY skill_id")
            .unwrap();
        stmt.query_map([no], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(skills_of(&conn, "E3030"), vec![charge, gone]);

    // The manager takes Charge off Jo; a deleted skill is forgotten.
    conn.execute("DELETE FROM staff_skill WHERE skill_id = ?1", [charge])
        .unwrap();
    crate::skills::delete(&conn, gone).unwrap();
    // The next export, without choices: the title's skills are remembered
    // for a new person, and Jo keeps the skills the manager left her.
    let next = export(&[
        "E3030,\"Ames, Jo\",RN - Charge Nurse,RN,4 West,Active,1,50.00,2020-01-01,,,",
        "E3031,\"Bell, Al\",RN - Charge Nurse,RN,4 West,Active,1,50.00,2021-01-01,,,",
    ]);
    let m = columns(&next).unwrap().guess;
    let p = preview(&conn, &next, &m).unwrap();
    assert_eq!(
        (p.roles[0].how, p.roles[0].skill_ids.clone()),
        (RoleHow::Remembered, vec![charge])
    );
    import(&mut conn, &next, &m).unwrap();
    assert_eq!(skills_of(&conn, "E3031"), vec![charge]);
    assert!(
        skills_of(&conn, "E3030").is_empty(),
        "Jo's skills are the manager's"
    );
}

#[test]
fn the_job_code_can_give_both_the_job_code_and_the_role() {
    let mut conn = conn();
    let text = "Emp ID,Last Name,First Name,Job Code,FTE,Rate,Hire Date\r\nE4001,Diaz,Rosa,RN2,1,50.00,3/14/2019\r\n";
    let mut m = columns(text).unwrap().guess;
    assert_eq!(
        m.role_column,
        Some(3),
        "no title column: the job code is the role's key"
    );
    let p = preview(&conn, text, &m).unwrap();
    assert_eq!(p.roles[0].how, RoleHow::Missing, "RN2 is no role name");
    m.roles.push(RoleChoice {
        value: "RN2".into(),
        role: Role::Rn,
        skill_ids: vec![],
    });
    import(&mut conn, text, &m).unwrap();
    let (role, code): (String, String) = conn
        .query_row(
            "SELECT role, job_code FROM staff WHERE employee_no = 'E4001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((role.as_str(), code.as_str()), ("RN", "RN2"));
    m.columns[2] = Some(StaffField::Role);
    let err = preview(&conn, text, &m).unwrap_err();
    assert!(
        err.message_for("role_column").is_some(),
        "role from two columns"
    );
}

#[test]
fn one_type_for_all_and_bad_thresholds() {
    let conn = conn();
    let text = export(&[ROWS[0], ROWS[1]]);
    let mut m = columns(&text).unwrap().guess;
    m.employment.from = EmploymentFrom::One;
    m.employment.one_type = Some(EmploymentType::Agency);
    let p = preview(&conn, &text, &m).unwrap();
    assert!(
        p.rows.iter().all(|r| r.summary.contains("· Agency ·")),
        "{:?}",
        p.rows
    );
    m.employment.one_type = None;
    let err = preview(&conn, &text, &m).unwrap_err();
    assert!(err.message_for("one_type").is_some());
    m.employment = EmploymentRule {
        full_time_min: "0.5".into(),
        per_diem_max: "0.6".into(),
        ..Default::default()
    };
    let err = preview(&conn, &text, &m).unwrap_err();
    assert!(err.message_for("per_diem_max").is_some());
    // With an employment-type column, the thresholds are not asked for.
    let typed = "Employee ID,Name,Role,FT/PT,FTE,Rate,Hire Date\nE5,\"Li, Wu\",RN,PT,0.95,40.00,2020-01-01\n";
    let m2 = StaffImportMapping {
        employment: m.employment.clone(),
        ..columns(typed).unwrap().guess
    };
    let p = preview(&conn, typed, &m2).unwrap();
    assert!(
        p.rows[0].summary.contains("Part-time · FTE 0.95"),
        "{:?}",
        p.rows[0]
    );
    assert_eq!(p.employment_note, None);
}

#[test]
fn statuses_keep_leave_active_terminate_leavers_and_bring_back_returners() {
    let mut conn = conn();
    conn.execute("UPDATE staff SET termination_date = '2025-01-31'", [])
        .unwrap();
    let today = crate::department::today(&crate::department::require(&conn).unwrap());
    let header = "Employee ID,Status,Term Date";
    let file = |status: &str, date: &str| format!("{header}\nE1001,{status},{date}\n");
    let p = |text: &str| {
        let m = columns(text).unwrap().guess;
        preview(&conn, text, &m).unwrap().rows.remove(0)
    };
    // HR has her active again: the old termination date goes.
    let back = p(&file("Active", "01/31/2025"));
    assert_eq!(back.changes[0].before, "2025-01-31");
    assert_eq!(
        back.changes[0].after, "",
        "a past date beside Active is the old one"
    );
    // A last day still to come is kept beside an active status.
    let coming = today + chrono::Duration::days(1);
    let later = p(&file("Active", &crate::input::format_date(coming)));
    assert_eq!(later.changes[0].after, crate::input::format_date(coming));
    // The termination date is the last day worked: today's is still to
    // come (they work today), yesterday's is past.
    let last_day_today = p(&file("Active", &crate::input::format_date(today)));
    assert_eq!(
        last_day_today.changes[0].after,
        crate::input::format_date(today),
        "today is their last day: kept beside an active status"
    );
    let yesterday = today - chrono::Duration::days(1);
    let on_the_day = p(&file("LOA", &crate::input::format_date(yesterday)));
    assert_eq!(
        on_the_day.changes[0].after, "",
        "yesterday's last day beside an active status is an old one"
    );
    assert_eq!(
        on_the_day.summary,
        "On leave, kept active (from today: the file gives no first day)"
    );
    assert!(
        on_the_day
            .changes
            .iter()
            .any(|c| c.after.ends_with(&crate::input::format_date(today))),
        "the leave starts today, not over shifts already worked: {:?}",
        on_the_day.changes
    );
    // Someone Wardbook already has on leave without a first day keeps it so.
    conn.execute("UPDATE staff SET on_leave = 1, leave_since = NULL", [])
        .unwrap();
    let again = p(&file("LOA", ""));
    assert_eq!(again.summary, "On leave, kept active", "{again:?}");
    conn.execute("UPDATE staff SET on_leave = 0", []).unwrap();
    // A last day entered in Wardbook and still to come survives an export
    // that has the person active without a date (HR has not processed it yet).
    let last_day = crate::input::format_date(coming);
    conn.execute("UPDATE staff SET termination_date = ?1", [&last_day])
        .unwrap();
    let planned = p(&file("Active", ""));
    assert_eq!(planned.action, ImportAction::Unchanged, "{planned:?}");
    conn.execute("UPDATE staff SET termination_date = '2025-01-31'", [])
        .unwrap();
    // Terminated without a date keeps Wardbook's date; unknown statuses are refused.
    let kept = p("Employee ID,Status\nE1001,Terminated\n");
    assert_eq!(kept.action, ImportAction::Unchanged);
    let odd = p(&file("Sabbatical", ""));
    assert!(odd
        .error
        .as_deref()
        .unwrap()
        .contains("“Sabbatical” says nothing Wardbook can read about employment"));
    // Active in Wardbook, terminated by HR without a date: today, said so.
    conn.execute("UPDATE staff SET termination_date = NULL", [])
        .unwrap();
    let text = "Employee ID,Status\nE1001,Inactive\n";
    let row = p(text);
    assert_eq!(row.changes[0].after, crate::input::format_date(today));
    assert_eq!(
        row.summary,
        "The file gives no termination date, so today's is used"
    );
    import(&mut conn, text, &columns(text).unwrap().guess).unwrap();
    assert!(staff::get(&conn, 1).unwrap().termination_date.is_some());
}

#[test]
fn a_file_of_only_other_departments_imports_nothing_and_says_why() {
    let mut conn = conn();
    let text = export(&[ROWS[5]]);
    let mut m = columns(&text).unwrap().guess;
    m.department = Some("4 West".into());
    let p = preview(&conn, &text, &m).unwrap();
    assert_eq!((p.skipped, p.rows.len()), (1, 1));
    let err = import(&mut conn, &text, &m).unwrap_err();
    assert!(
        err.message.contains("Every row of the file is skipped"),
        "{}",
        err.message
    );
    // Choosing that department instead brings its rows in (and asks for its title's role).
    m.department = Some("5 east".into());
    let p = preview(&conn, &text, &m).unwrap();
    assert_eq!(p.skipped, 0);
    assert_eq!(p.roles[0].how, RoleHow::Missing);
}

#[test]
fn a_file_without_a_header_row_is_guessed_by_its_values() {
    let text = "E1,\"Lopez, Maria\",0.9,3/14/2019,maria@h.org,Active\nE2,\"Kim, Jo\",.6,2019-03-14,jo@h.org,LOA\n";
    let cols = columns(text).unwrap();
    assert!(!cols.guess.has_header);
    use StaffField::*;
    assert_eq!(
        cols.guess.columns,
        vec![
            None,
            None,
            Some(Fte),
            Some(HireDate),
            Some(Email),
            Some(Status)
        ]
    );
}

#[test]
fn a_status_read_once_is_remembered_for_the_next_export() {
    let mut conn = conn();
    let text = export(&[
        "E1001,\"Lopez, Maria\",\"RN - Charge Nurse, Med/Surg\",RN2,4 West,Per Diem Pool,90%,52.75,6/3/2019,,6010-4W,",
    ]);
    let mut m = recall(&conn, &text).unwrap().guess;
    let first = preview(&conn, &text, &m).unwrap();
    assert_eq!(first.statuses[0].status, None, "nothing read yet");
    assert!(first.rows[0].error.is_some());
    m.statuses = vec![StatusChoice {
        value: "Per Diem Pool".into(),
        status: HrStatus::Active,
    }];
    import(&mut conn, &text, &m).unwrap();

    // Next month's export of the same report: read as chosen, and said so.
    let again = recall(&conn, &text).unwrap();
    let p = preview(&conn, &text, &again.guess).unwrap();
    assert_eq!(p.rows[0].error, None);
    assert_eq!(p.statuses[0].status, Some(HrStatus::Active));
    // Another report with the same status value (other columns, other case):
    // the reading is remembered as a title's role is.
    let other = "Employee ID,Empl Status\r\nE1001,PER DIEM POOL\r\n";
    let cols = recall(&conn, other).unwrap();
    assert!(!cols.remembered, "another layout");
    let p = preview(&conn, other, &cols.guess).unwrap();
    assert_eq!(p.rows[0].error, None, "{:?}", p.rows[0]);
    assert_eq!(
        (p.statuses[0].status, p.statuses[0].remembered),
        (Some(HrStatus::Active), true)
    );
    // A choice made now wins over the remembered one.
    let mut now = cols.guess.clone();
    now.statuses = vec![StatusChoice {
        value: "per diem pool".into(),
        status: HrStatus::OnLeave,
    }];
    let p = preview(&conn, other, &now).unwrap();
    assert_eq!(
        (p.statuses[0].status, p.statuses[0].remembered),
        (Some(HrStatus::OnLeave), false)
    );
}

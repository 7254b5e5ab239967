//! Every form an HR export writes a value in: accepted (and what is stored)
//! or refused (and why), one table row each.

use super::*;
use crate::staff::{self, EmploymentType, Role, StaffInput};
use crate::store;

const HEADER: &str = "Employee ID,First Name,Last Name,Job Title,Job Code,FT/PT,FTE,Pay Rate,Hire Date,Seniority Date,Term Date,Phone,Work Email,Comments";
const FIELDS: [StaffField; 14] = [
    StaffField::EmployeeNo,
    StaffField::FirstName,
    StaffField::LastName,
    StaffField::Role,
    StaffField::JobCode,
    StaffField::EmploymentType,
    StaffField::Fte,
    StaffField::HourlyRate,
    StaffField::HireDate,
    StaffField::SeniorityDate,
    StaffField::TerminationDate,
    StaffField::Phone,
    StaffField::Email,
    StaffField::Notes,
];
const GOOD: [&str; 14] = [
    "E2001",
    "Ana",
    "Silva",
    "RN",
    "RN2",
    "Full-time",
    "0.9",
    "45.50",
    "2020-03-15",
    "",
    "",
    "555-0101",
    "ana.silva@hospital.org",
    "",
];

fn conn_with_maria() -> Connection {
    let mut conn = store::open_in_memory().unwrap();
    staff::create(
        &mut conn,
        &StaffInput {
            first_name: "Maria".into(),
            last_name: "Lopez".into(),
            employee_no: "E1001".into(),
            role: Some(Role::Rn),
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

fn csv_cell(value: &str) -> String {
    if value.contains([',', '"', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// A one-person file: the good row with `field` set to `value`.
fn file_with(field: StaffField, value: &str) -> String {
    let cells: Vec<String> = FIELDS
        .iter()
        .zip(GOOD)
        .map(|(f, good)| csv_cell(if *f == field { value } else { good }))
        .collect();
    format!("{HEADER}\n{}\n", cells.join(","))
}

fn mapping() -> StaffImportMapping {
    StaffImportMapping {
        has_header: true,
        columns: FIELDS.iter().map(|f| Some(*f)).collect(),
        ..Default::default()
    }
}

fn stored(conn: &Connection, column: &str) -> String {
    conn.query_row(
        &format!(
            "SELECT coalesce(CAST({column} AS TEXT), '') FROM staff WHERE employee_no = 'E2001'"
        ),
        [],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn the_header_guess_maps_every_column_of_a_typical_export() {
    let cols = columns(&file_with(StaffField::Notes, "")).unwrap();
    assert_eq!(cols.guess, mapping());
    assert_eq!(cols.sample.len(), 1);
}

#[test]
fn accepted_forms_are_stored_in_canonical_units() {
    use StaffField::*;
    let cases: &[(StaffField, &str, &str, &str)] = &[
        (Fte, "0.9", "fte_hundredths", "90"),
        (Fte, "90%", "fte_hundredths", "90"),
        (Fte, "100 %", "fte_hundredths", "100"),
        (Fte, "0.9000", "fte_hundredths", "90"),
        (Fte, "1", "fte_hundredths", "100"),
        (Fte, "0%", "fte_hundredths", "0"),
        (Fte, ".6", "fte_hundredths", "60"),
        (Fte, "0,75", "fte_hundredths", "75"),
        (Fte, "90", "fte_hundredths", "90"),
        (Fte, "100", "fte_hundredths", "100"),
        (HourlyRate, "45.50", "hourly_rate_cents", "4550"),
        (HourlyRate, "$45.50", "hourly_rate_cents", "4550"),
        (HourlyRate, "$ 1,000.00", "hourly_rate_cents", "100000"),
        (HourlyRate, "45.5000", "hourly_rate_cents", "4550"),
        (HourlyRate, "45", "hourly_rate_cents", "4500"),
        (HireDate, "2020-03-15", "hire_date", "2020-03-15"),
        (HireDate, "03/15/2020", "hire_date", "2020-03-15"),
        (HireDate, "3/5/2020", "hire_date", "2020-03-05"),
        (SeniorityDate, "01/02/2018", "seniority_date", "2018-01-02"),
        (
            TerminationDate,
            "12/31/2026",
            "termination_date",
            "2026-12-31",
        ),
        (TerminationDate, "", "termination_date", ""),
        (Role, "Registered Nurse", "role", "RN"),
        (Role, "lvn", "role", "LPN"),
        (Role, "C.N.A.", "role", "CNA"),
        (Role, "Unit Secretary", "role", "UC"),
        (EmploymentType, "FT", "employment_type", "full_time"),
        (EmploymentType, "Part Time", "employment_type", "part_time"),
        (EmploymentType, "PRN", "employment_type", "per_diem"),
        (EmploymentType, "Float Pool", "employment_type", "float"),
        (EmploymentType, "Traveler", "employment_type", "agency"),
        (FirstName, "Zoë", "first_name", "Zoë"),
        (FirstName, "José-María", "first_name", "José-María"),
        (LastName, "O'Brien", "last_name", "O'Brien"),
        (LastName, "D’Angelo", "last_name", "D’Angelo"),
        (LastName, "Núñez, Jr.", "last_name", "Núñez, Jr."),
        (
            Notes,
            "Prefers \"nights\", weekends",
            "notes",
            "Prefers \"nights\", weekends",
        ),
        (Notes, "Two\nlines", "notes", "Two\nlines"),
        (Email, "", "email", ""),
        (Phone, "  (555) 010-2000 ", "phone", "(555) 010-2000"),
    ];
    for (field, value, column, expected) in cases {
        let mut conn = conn_with_maria();
        let text = file_with(*field, value);
        let preview = preview(&conn, &text, &mapping()).unwrap();
        assert_eq!(
            preview.rows[0].error, None,
            "{field:?} {value:?} should be accepted"
        );
        assert_eq!(preview.adds, 1);
        import(&mut conn, &text, &mapping())
            .unwrap_or_else(|e| panic!("{field:?} {value:?}: {e:?}"));
        assert_eq!(stored(&conn, column), *expected, "{field:?} {value:?}");
    }
}

#[test]
fn refused_forms_name_the_field_and_the_reason_and_change_nothing() {
    use StaffField::*;
    let cases: &[(StaffField, &str, &str)] = &[
        (Fte, "120%", "FTE: FTE must be between 0 and 1.00."),
        (Fte, "101", "FTE: FTE must be between 0 and 1.00."),
        (Fte, "0,755", "FTE: FTE is kept in hundredths"),
        (Fte, "1.5", "FTE: FTE must be between 0 and 1.00."),
        (Fte, "87.5%", "“87.5%” is not a number"),
        (Fte, "0.875", "at most two decimals"),
        (Fte, "ninety", "“ninety” is not a number"),
        (Fte, "", "FTE is empty."),
        (
            HourlyRate,
            "-45.50",
            "Hourly rate: The amount cannot be negative.",
        ),
        (
            HourlyRate,
            "$45.555",
            "Hourly rate: Use at most two decimals (cents).",
        ),
        (HourlyRate, "45.50/hr", "“45.50/hr” is not an amount"),
        (
            HourlyRate,
            "$9,999,999.99",
            "Hourly rate: An hourly rate is at most $1,000.00.",
        ),
        (HourlyRate, "", "Hourly rate is empty."),
        (HireDate, "2025-02-30", "“2025-02-30” is not a valid date"),
        (HireDate, "02/30/2025", "“02/30/2025” is not a valid date"),
        (
            HireDate,
            // Day-first by its 15, so a 13th month is no date either way.
            "15/13/2020",
            "“15/13/2020” is not a valid date; use DD/MM/YYYY",
        ),
        (HireDate, "03/15/20", "two-digit year"),
        (
            HireDate,
            "March 15, 2020",
            "“March 15, 2020” is not a valid date",
        ),
        (HireDate, "", "Hire date is empty."),
        (SeniorityDate, "2030-01-01", "cannot be after the hire date"),
        (
            TerminationDate,
            "2019-01-01",
            "cannot be after the termination date (2019-01-01)",
        ),
        // A title without a role ("Nurse") now takes its job code's (RN2):
        // its refusal is asserted in `real_exports` with a code naming no role.
        (Role, "", "Role is empty."),
        (
            EmploymentType,
            "Seasonal",
            "“Seasonal” is not an employment type",
        ),
        (FirstName, "", "First name is empty."),
        (LastName, "   ", "Last name is empty."),
        (
            Email,
            "ana.silva",
            "Email: Enter an email address like name@hospital.org.",
        ),
        (EmployeeNo, "", "The employee number is empty."),
        (
            JobCode,
            &"X".repeat(33),
            "Job code: The job code is too long",
        ),
    ];
    for (field, value, expected) in cases {
        let mut conn = conn_with_maria();
        let text = file_with(*field, value);
        let preview = preview(&conn, &text, &mapping()).unwrap();
        let row = &preview.rows[0];
        assert_eq!(row.action, ImportAction::Error, "{field:?} {value:?}");
        let error = row.error.clone().unwrap_or_default();
        assert!(
            error.contains(expected),
            "{field:?} {value:?}: expected {expected:?} in {error:?}"
        );
        let err = import(&mut conn, &text, &mapping()).unwrap_err();
        assert_eq!(err.fields[0].field, "line 2");
        assert!(
            err.message.contains("Nothing was imported"),
            "{}",
            err.message
        );
        let count: i64 = conn
            .query_row("SELECT count(*) FROM staff", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 1, "{field:?} {value:?}: only Maria is there");
    }
}

#[test]
fn bom_crlf_and_quoted_commas_read_as_one_file() {
    let text = crate::csv_file::decode(
        "\u{feff}Emp #,Last Name,First Name,FTE %,Rate\r\n\"E1001\",\"Lopez, MD\",Maria,80%,$55.00\r\n"
            .as_bytes(),
    )
    .unwrap();
    let cols = columns(&text).unwrap();
    let p = preview(&conn_with_maria(), &text, &cols.guess).unwrap();
    assert_eq!(p.updates, 1, "{:?}", p.rows);
    let fields: Vec<(&str, &str, &str)> = p.rows[0]
        .changes
        .iter()
        .map(|c| (c.label.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("Last name", "Lopez", "Lopez, MD"),
            ("FTE", "0.90", "0.80"),
            ("Hourly rate", "$52.75", "$55.00")
        ]
    );
}

#[test]
fn a_matching_employee_number_updates_only_what_the_file_holds() {
    let mut conn = conn_with_maria();
    let text = "EMPLOYEE ID,Pay Rate\ne1001,53.25\nE1001X,40\n";
    let cols = columns(text).unwrap();
    let p = preview(&conn, text, &cols.guess).unwrap();
    assert_eq!((p.updates, p.adds, p.errors), (1, 0, 1));
    assert_eq!(p.rows[0].name, "Lopez, Maria");
    assert!(
        p.rows[1].error.as_deref().unwrap().contains(
            "E1001X is not on the roster, and a new person needs a first name, a last name, a role, an FTE and a hire date, but no column holds them."
        ),
        "{:?}",
        p.rows[1].error
    );
    let fixed = "EMPLOYEE ID,Pay Rate\ne1001,53.25\n";
    import(&mut conn, fixed, &cols.guess).unwrap();
    let maria = staff::get(&conn, 1).unwrap();
    assert_eq!(maria.hourly_rate_cents, 5325);
    assert_eq!(maria.fte_hundredths, 90, "FTE is not in the file and stays");
    let again = import(&mut conn, fixed, &cols.guess).unwrap();
    assert_eq!(
        (again.updated, again.unchanged),
        (0, 1),
        "same file twice: no change"
    );
}

#[test]
fn duplicates_short_rows_and_a_broken_quote_are_reported_by_line() {
    let conn = conn_with_maria();
    let text = format!(
        "{}{}\nE2001,Only,Two\n\"E3001,unterminated\n",
        file_with(StaffField::Notes, ""),
        file_with(StaffField::Notes, "").lines().nth(1).unwrap()
    );
    let p = preview(&conn, &text, &mapping()).unwrap();
    let lines: Vec<(i64, ImportAction)> =
        p.rows.iter().map(|r| (r.line_number, r.action)).collect();
    assert_eq!(
        lines,
        [
            (2, ImportAction::Add),
            (3, ImportAction::Error),
            (4, ImportAction::Error),
            (5, ImportAction::Error)
        ]
    );
    assert!(p.rows[1]
        .error
        .as_deref()
        .unwrap()
        .contains("also on line 2"));
    assert!(p.rows[2]
        .error
        .as_deref()
        .unwrap()
        .contains("The row has 3 columns where the chosen columns go up to column 14"));
    assert!(
        p.rows[3]
            .error
            .as_deref()
            .unwrap()
            .contains("a quote not closed?"),
        "{:?}",
        p.rows[3]
    );
}

#[test]
fn the_mapping_needs_an_employee_number_and_each_field_once() {
    let conn = conn_with_maria();
    let mut m = mapping();
    m.columns[0] = None;
    let err = preview(&conn, HEADER, &m).unwrap_err();
    assert!(err
        .message_for("employee_no")
        .unwrap()
        .contains("employee number"));
    let mut m = mapping();
    m.columns[2] = Some(StaffField::FirstName);
    let err = preview(&conn, HEADER, &m).unwrap_err();
    assert_eq!(
        err.message_for("first_name"),
        Some("First name is chosen for 2 columns; choose it for one.")
    );
}

#[test]
fn an_empty_file_or_one_with_only_a_header_is_refused() {
    let mut conn = conn_with_maria();
    assert!(columns("").is_err());
    let err = import(&mut conn, &format!("{HEADER}\n"), &mapping()).unwrap_err();
    assert_eq!(err.message, "The file has no rows to import.");
}

#[test]
fn a_rule_broken_by_a_value_not_in_the_file_says_where_that_value_comes_from() {
    let conn = conn_with_maria();
    conn.execute("UPDATE staff SET seniority_date = '2019-01-01'", [])
        .unwrap();
    let text = "Employee ID,Hire Date\nE1001,06/01/2018\n";
    let p = preview(&conn, text, &columns(text).unwrap().guess).unwrap();
    assert_eq!(
        p.rows[0].error.as_deref(),
        Some(
            "Seniority date: The seniority date cannot be after the hire date. \
             (Wardbook has 2019-01-01; the file has no seniority date column.)"
        )
    );
}

#[test]
fn a_seniority_date_that_was_the_hire_date_follows_a_corrected_hire_date() {
    let mut conn = conn_with_maria();
    conn.execute("UPDATE staff SET seniority_date = hire_date", [])
        .unwrap();
    let text = "Employee ID,Hire Date\nE1001,06/01/2018\n";
    let cols = columns(text).unwrap();
    let p = preview(&conn, text, &cols.guess).unwrap();
    assert_eq!(p.rows[0].error, None, "HR's earlier hire date is taken");
    let changed: Vec<(&str, &str, &str)> = p.rows[0]
        .changes
        .iter()
        .map(|c| (c.label.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        changed,
        [
            ("Hire date", "2019-06-03", "2018-06-01"),
            ("Seniority date", "2019-06-03", "2018-06-01")
        ],
        "the preview shows the seniority date moving with it"
    );
    import(&mut conn, text, &cols.guess).unwrap();
    let maria = staff::get(&conn, 1).unwrap();
    assert_eq!(maria.seniority_date.as_deref(), Some("2018-06-01"));

    // A seniority date of its own is the manager's: it stays, and the file
    // with a hire date after it is still accepted.
    conn.execute("UPDATE staff SET seniority_date = '2017-01-01'", [])
        .unwrap();
    let later = "Employee ID,Hire Date\nE1001,07/01/2018\n";
    import(&mut conn, later, &cols.guess).unwrap();
    let maria = staff::get(&conn, 1).unwrap();
    assert_eq!(maria.seniority_date.as_deref(), Some("2017-01-01"));
}

#[test]
fn a_full_name_column_splits_only_when_it_is_unambiguous() {
    type Split<'a> = Result<(&'a str, &'a str), &'a str>;
    let cases: &[(&str, Split)] = &[
        ("Lopez, Maria", Ok(("Maria", "Lopez"))),
        ("O'Brien,  Zoë Anne", Ok(("Zoë Anne", "O'Brien"))),
        ("Núñez-García, José", Ok(("José", "Núñez-García"))),
        ("Maria Lopez", Ok(("Maria", "Lopez"))),
        (
            "Maria de la Cruz",
            Err("cannot tell the first name from the last name"),
        ),
        ("Núñez, Jr., José", Err("cannot tell")),
        ("Lopez,", Err("cannot tell")),
        ("Madonna", Err("cannot tell")),
    ];
    for (cell, expected) in cases {
        let mut conn = conn_with_maria();
        let text = format!(
            "Employee Name,Emp ID,Role,FT/PT,FTE,Rate,Hire Date\n\"{cell}\",E3001,RN,FT,1,50,2020-01-01\n"
        );
        let cols = columns(&text).unwrap();
        assert_eq!(cols.guess.columns[0], Some(StaffField::FullName));
        let p = preview(&conn, &text, &cols.guess).unwrap();
        match expected {
            Ok((first, last)) => {
                assert_eq!(p.rows[0].error, None, "{cell}");
                import(&mut conn, &text, &cols.guess).unwrap();
                let s = staff::list(&conn, &Default::default(), chrono::NaiveDate::MIN)
                    .unwrap()
                    .into_iter()
                    .find(|s| s.employee_no == "E3001")
                    .unwrap();
                assert_eq!(
                    (s.first_name.as_str(), s.last_name.as_str()),
                    (*first, *last),
                    "{cell}"
                );
            }
            Err(why) => {
                let error = p.rows[0].error.clone().unwrap_or_default();
                assert!(error.contains(why), "{cell}: {error}");
                assert!(
                    !error.contains("First name"),
                    "one reason, not three: {error}"
                );
            }
        }
    }
    let mut both = mapping();
    both.columns.push(Some(StaffField::FullName));
    let err = preview(&conn_with_maria(), HEADER, &both).unwrap_err();
    assert!(err.message_for("full_name").unwrap().contains("not both"));
}

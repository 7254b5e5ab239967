//! What a column of an HR export can hold, and a guess from its header.

use crate::text_enum::text_enum;

text_enum! {
    /// A staff field a column can fill (DESIGN §1.1); skills and
    /// credentials are Wardbook's own and not taken from HR.
    pub enum StaffField {
        EmployeeNo = ("employee_no", "Employee number"),
        FirstName = ("first_name", "First name"),
        LastName = ("last_name", "Last name"),
        /// One column with the whole name, `Last, First` (or `First Last`).
        FullName = ("full_name", "Full name (Last, First)"),
        Role = ("role", "Role"),
        JobCode = ("job_code", "Job code"),
        /// The title as HR writes it, kept as text. Without such a column
        /// the role column's title is kept (it is usually the same text).
        JobTitle = ("job_title", "Job title"),
        EmploymentType = ("employment_type", "Employment type"),
        Fte = ("fte", "FTE"),
        HourlyRate = ("hourly_rate", "Hourly rate"),
        HireDate = ("hire_date", "Hire date"),
        SeniorityDate = ("seniority_date", "Seniority date"),
        TerminationDate = ("termination_date", "Termination date"),
        /// Active, Leave of absence, Terminated…: who is still employed.
        Status = ("status", "Status"),
        /// Rows of other departments are skipped, not refused.
        Department = ("department", "Department"),
        Phone = ("phone", "Phone"),
        Email = ("email", "Email"),
        Notes = ("notes", "Notes"),
    }
}

/// What a new person cannot be added without (the form's required fields;
/// the role and the employment type may also come from the import's rules).
pub const REQUIRED_FOR_NEW: &[StaffField] = &[
    StaffField::FirstName,
    StaffField::LastName,
    StaffField::Role,
    StaffField::EmploymentType,
    StaffField::Fte,
    StaffField::HourlyRate,
    StaffField::HireDate,
];

/// Header words HR systems use (Workday, UKG/Kronos, ADP, Epic exports),
/// lower-cased with everything but letters and digits removed.
const NAMES: &[(StaffField, &[&str])] = &[
    (
        StaffField::EmployeeNo,
        &[
            "employeeno",
            "employeenumber",
            "employeeid",
            "empno",
            "empid",
            "emp",
            "employee",
            "employeenum",
            "badge",
            "badgeno",
            "staffid",
            "staffno",
            "workerid",
            "personnelnumber",
            "payrollid",
            "emplid",
            "emplno",
            "id",
        ],
    ),
    (
        StaffField::FirstName,
        &[
            "firstname",
            "first",
            "givenname",
            "legalfirstname",
            "forename",
        ],
    ),
    (
        StaffField::LastName,
        &["lastname", "last", "surname", "familyname", "legallastname"],
    ),
    (
        StaffField::FullName,
        &[
            "name",
            "fullname",
            "employeename",
            "workername",
            "worker",
            "staffname",
            "legalname",
        ],
    ),
    (
        StaffField::Role,
        &[
            "role",
            "jobrole",
            "jobtitle",
            "title",
            "position",
            "positiontitle",
            "licensetype",
        ],
    ),
    (
        StaffField::JobCode,
        &["jobcode", "jobclass", "positioncode", "jobprofile", "code"],
    ),
    (
        StaffField::EmploymentType,
        &[
            "employmenttype",
            "emptype",
            "employmentstatus",
            "workertype",
            "fulltimeparttime",
            "ftpt",
            "type",
            "category",
        ],
    ),
    (
        StaffField::Fte,
        &[
            "fte",
            "ftepercent",
            "ftepct",
            "fulltimeequivalent",
            "scheduledfte",
        ],
    ),
    (
        StaffField::HourlyRate,
        &[
            "hourlyrate",
            "payrate",
            "rate",
            "basepay",
            "baserate",
            "hourlypay",
            "hourlywage",
            "wage",
            "rateofpay",
            "basehourlyrate",
            "hourlyrt",
            "comprate",
        ],
    ),
    (
        StaffField::HireDate,
        &[
            "hiredate",
            "hired",
            "dateofhire",
            "startdate",
            "hiredon",
            "doh",
            "hiredt",
            "orighiredt",
            "lasthiredt",
        ],
    ),
    (
        StaffField::SeniorityDate,
        &[
            "senioritydate",
            "seniority",
            "adjustedservicedate",
            "servicedate",
            "continuousservicedate",
            "servicedt",
            "senioritydt",
        ],
    ),
    (
        StaffField::TerminationDate,
        &[
            "terminationdate",
            "termdate",
            "termination",
            "separationdate",
            "lastday",
            "lastdayworked",
            "enddate",
            "terminationdt",
            "termdt",
        ],
    ),
    (
        StaffField::Status,
        &[
            "status",
            "employeestatus",
            "workerstatus",
            "emplstatus",
            "empstatus",
            "activestatus",
            "hrstatus",
        ],
    ),
    (
        StaffField::Department,
        &[
            "department",
            "dept",
            "deptname",
            "departmentname",
            "homedepartment",
            "homedept",
            "deptid",
            "departmentid",
            "costcenter",
            "costcentre",
            "homecostcenter",
            "unit",
            "nursingunit",
        ],
    ),
    (
        StaffField::Phone,
        &[
            "phone",
            "phonenumber",
            "mobile",
            "mobilephone",
            "cell",
            "cellphone",
            "telephone",
            "workphone",
        ],
    ),
    (
        StaffField::Email,
        &["email", "emailaddress", "workemail", "mail", "email1"],
    ),
    (
        StaffField::Notes,
        &["notes", "note", "comments", "comment", "remarks"],
    ),
];

fn squash(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field each header most likely holds; each field is given to one
/// column at most (the first whose header names it exactly, else the first
/// whose header contains one of its words).
pub fn guess(headers: &[String]) -> Vec<Option<StaffField>> {
    let squashed: Vec<String> = headers.iter().map(|h| squash(h)).collect();
    let mut out: Vec<Option<StaffField>> = vec![None; headers.len()];
    let taken =
        |out: &mut Vec<Option<StaffField>>, field: StaffField, pick: &dyn Fn(&str) -> bool| {
            if out.contains(&Some(field)) {
                return;
            }
            if let Some(i) = (0..squashed.len()).find(|&i| out[i].is_none() && pick(&squashed[i])) {
                out[i] = Some(field);
            }
        };
    for (field, names) in NAMES {
        taken(&mut out, *field, &|h| names.contains(&h));
    }
    // Longer words only, so "id" or "type" does not match "paid" or "prototype";
    // never "name" alone, which is in every name column.
    for (field, names) in NAMES.iter().filter(|(f, _)| *f != StaffField::FullName) {
        taken(&mut out, *field, &|h| {
            !h.is_empty() && names.iter().any(|n| n.len() >= 4 && h.contains(n))
        });
    }
    // "FTE" is too short to look for inside words, but as a word of its
    // own it says enough ("Std FTE", "FTE - Budgeted").
    if !out.contains(&Some(StaffField::Fte)) {
        if let Some(i) = (0..headers.len()).find(|&i| {
            out[i].is_none()
                && headers[i]
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case("fte"))
        }) {
            out[i] = Some(StaffField::Fte);
        }
    }
    // Separate first and last names say more than one column with both.
    if out.contains(&Some(StaffField::FirstName)) || out.contains(&Some(StaffField::LastName)) {
        for f in out.iter_mut().filter(|f| **f == Some(StaffField::FullName)) {
            *f = None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guessed(headers: &[&str]) -> Vec<Option<StaffField>> {
        guess(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn common_export_headers_are_recognised() {
        use StaffField::*;
        let cases: &[(&str, StaffField)] = &[
            ("Employee ID", EmployeeNo),
            ("Emp #", EmployeeNo),
            ("Employee Number", EmployeeNo),
            ("Legal First Name", FirstName),
            ("Surname", LastName),
            ("Job Title", Role),
            ("Job Code", JobCode),
            ("FT/PT", EmploymentType),
            ("Employment Status", EmploymentType),
            ("FTE %", Fte),
            ("Base Hourly Rate", HourlyRate),
            ("Pay Rate ($)", HourlyRate),
            ("Hire Date", HireDate),
            ("Adjusted Service Date", SeniorityDate),
            ("Term Date", TerminationDate),
            ("Work Email", Email),
            ("Mobile Phone", Phone),
            ("Comments", Notes),
            ("Employee Name", FullName),
            ("Name", FullName),
        ];
        for (header, field) in cases {
            assert_eq!(guessed(&[header]), vec![Some(*field)], "{header}");
        }
    }

    #[test]
    fn each_field_goes_to_one_column_and_unknown_headers_to_none() {
        let g = guessed(&[
            "First Name",
            "Preferred First Name",
            "Department",
            "Cost Center",
            "Std FTE",
            "Shift After",
        ]);
        assert_eq!(
            g,
            vec![
                Some(StaffField::FirstName),
                None,
                Some(StaffField::Department),
                None,
                Some(StaffField::Fte),
                None
            ],
            "the cost center is a department column only when no other is"
        );
        let g = guessed(&["Name", "Last Name"]);
        assert_eq!(
            g,
            vec![None, Some(StaffField::LastName)],
            "first and last win over a name column"
        );
    }
}

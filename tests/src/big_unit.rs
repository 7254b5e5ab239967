//! The sample department grown to 150 people, for the benchmarks and the
//! long-report tests: 95 more staff, each working 3 day shifts a week of
//! `period` (a 6-week period of the sample). [`grow_to_150`] adds only the
//! people (no credentials on file, so they cannot be scheduled);
//! [`grow_to_150_staffable`] gives them their credentials and raises the
//! coverage to match, a department the Fill can work on.

use rusqlite::Connection;
use wardbook::schedule::store::periods::SchedulePeriod;
use wardbook::staff::{self, EmploymentType, Role, StaffInput};

/// Added to each day's Day shift needs by [`grow_to_150_staffable`],
/// (minimum, target): the 95 work days, about 27 RNs and 13 CNAs a day.
const MORE_RN_DAY: (i64, i64) = (22, 27);
const MORE_CNA_DAY: (i64, i64) = (11, 14);

pub const EXTRA_STAFF: usize = 95;

pub fn grow_to_150(conn: &mut Connection, period: &SchedulePeriod) {
    let day_shift: i64 = conn
        .query_row("SELECT id FROM shift_type WHERE code = 'D'", [], |r| {
            r.get(0)
        })
        .unwrap();
    for i in 0..EXTRA_STAFF {
        let form = StaffInput {
            first_name: format!("Extra{i}"),
            last_name: format!("Nurse{i:03}"),
            employee_no: format!("X{i:04}"),
            role: Some(if i.is_multiple_of(3) {
                Role::Cna
            } else {
                Role::Rn
            }),
            employment_type: Some(EmploymentType::FullTime),
            fte: "0.9".into(),
            hourly_rate: "45.00".into(),
            hire_date: "2020-01-06".into(),
            ..Default::default()
        };
        let id = staff::create(conn, &form).unwrap().id;
        for k in (0..42_usize).filter(|k| (k + i) % 7 < 3) {
            wardbook::records::NewAssignment {
                staff_id: id,
                date: period.start() + chrono::Duration::days(k as i64),
                period_id: period.id,
                shift_type_id: day_shift,
            }
            .insert(conn)
            .unwrap();
        }
    }
}

/// As [`grow_to_150`], and each added person holds every credential their
/// role requires (valid for years), and the day shift's RN and CNA needs
/// grow with them: a 150-staff department the Fill can staff.
pub fn grow_to_150_staffable(conn: &mut Connection, period: &SchedulePeriod) {
    let before: i64 = conn
        .query_row("SELECT MAX(id) FROM staff", [], |r| r.get(0))
        .unwrap();
    grow_to_150(conn, period);
    conn.execute(
        "INSERT INTO credential (staff_id, type_id, number, issued_on, expires_on, verified_on)
         SELECT s.id, r.type_id, 'X-' || s.id, '2025-01-01', '2030-01-01', '2025-01-02'
         FROM staff s JOIN credential_type_role r ON r.role = s.role
         WHERE s.id > ?1",
        [before],
    )
    .unwrap();
    let raise = |shift: &str, role: Role, (minimum, target): (i64, i64)| {
        conn.execute(
            "UPDATE coverage_day SET minimum = minimum + ?1, target = target + ?2
             WHERE line_id IN (SELECT l.id FROM coverage_line l JOIN shift_type t ON t.id = l.shift_type_id
                               WHERE t.code = ?3 AND l.role = ?4)",
            rusqlite::params![minimum, target, shift, role],
        )
        .unwrap()
    };
    assert_eq!(
        raise("D", Role::Rn, MORE_RN_DAY),
        7,
        "the day RN line, every day"
    );
    assert_eq!(raise("D", Role::Cna, MORE_CNA_DAY), 7);
}

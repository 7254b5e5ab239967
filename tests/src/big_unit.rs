//! The sample department grown to 150 people, for the benchmarks and the
//! long-report tests: 95 more staff, each working 3 day shifts a week of
//! `period` (a 6-week period of the sample).

use rusqlite::Connection;
use wardbook::schedule::store::periods::SchedulePeriod;
use wardbook::staff::{self, EmploymentType, Role, StaffInput};

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
            conn.execute(
                "INSERT INTO assignment (staff_id, date, period_id, shift_type_id) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![
                    id,
                    wardbook::input::format_date(period.start() + chrono::Duration::days(k as i64)),
                    period.id,
                    day_shift
                ],
            )
            .unwrap();
        }
    }
}

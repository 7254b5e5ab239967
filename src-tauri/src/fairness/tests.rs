use super::*;
use crate::records::NewStaff;
use crate::staff::EmploymentType;

fn d(s: &str) -> NaiveDate {
    input::date(s).unwrap()
}

struct Unit {
    conn: Connection,
    day: i64,
    night: i64,
    period: i64,
}

fn unit() -> Unit {
    let conn = crate::store::open_in_memory().unwrap();
    crate::department::insert(&conn, &crate::sample::department()).unwrap();
    conn.execute_batch(
        "INSERT INTO shift_type (code, name, start, length_minutes, unpaid_break_minutes, evening, night, differential_kind)
             VALUES ('D', 'Day', '07:00', 720, 30, 0, 0, 'none'), ('N', 'Night', '19:00', 720, 30, 0, 1, 'none');
         INSERT INTO schedule_period (start_date, end_date, weeks, status) VALUES ('2026-11-01', '2026-12-12', 6, 'published');",
    )
    .unwrap();
    let id = |code: &str| {
        conn.query_row("SELECT id FROM shift_type WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .unwrap()
    };
    let (day, night) = (id("D"), id("N"));
    let period = conn.last_insert_rowid();
    Unit {
        conn,
        day,
        night,
        period,
    }
}

fn person(u: &Unit, last: &str, kind: EmploymentType, fte: i64, hired: &str) -> i64 {
    NewStaff::new("A", last, last)
        .employment(kind, fte)
        .rate(5000)
        .hired(hired.parse().unwrap())
        .insert(&u.conn)
        .unwrap()
}

fn shift(u: &Unit, staff: i64, date: &str, shift: i64) {
    u.conn
        .execute(
            "INSERT INTO assignment (staff_id, date, period_id, shift_type_id) VALUES (?1, ?2, ?3, ?4)",
            params![staff, date, u.period, shift],
        )
        .unwrap();
}

fn ask(u: &Unit, staff: i64, date: &str, kind: &str, shift: Option<i64>) {
    u.conn
        .execute(
            "INSERT INTO staff_request (staff_id, date, kind, shift_type_id, priority) VALUES (?1, ?2, ?3, ?4, 'nice')",
            params![staff, date, kind, shift],
        )
        .unwrap();
}

fn of(list: &[PersonFairness], id: i64) -> &PersonFairness {
    list.iter().find(|p| p.staff_id == id).unwrap()
}

#[test]
fn a_window_is_the_months_before_its_last_day() {
    assert_eq!(
        window(d("2026-12-07"), 6),
        (d("2026-06-08"), d("2026-12-07"))
    );
    assert_eq!(
        window(d("2027-02-28"), 12),
        (d("2026-03-01"), d("2027-02-28"))
    );
}

#[test]
fn weekends_count_once_and_shares_follow_fte() {
    let u = unit();
    let a = person(&u, "Full", EmploymentType::FullTime, 100, "2020-01-01");
    let b = person(&u, "Other", EmploymentType::FullTime, 100, "2020-01-01");
    let c = person(&u, "Half", EmploymentType::PartTime, 50, "2020-01-01");
    let prn = person(&u, "Prn", EmploymentType::PerDiem, 0, "2020-01-01");
    // Sat 7 and Sun 8 Nov are one weekend; Sat 14 Nov another.
    for date in ["2026-11-07", "2026-11-08", "2026-11-14"] {
        shift(&u, a, date, u.day);
    }
    shift(&u, c, "2026-11-21", u.day);
    shift(&u, prn, "2026-11-28", u.day);
    // A weekday and a shift after the window do not count as weekends.
    shift(&u, b, "2026-11-10", u.day);
    shift(&u, b, "2026-12-12", u.day);
    let (from, to) = window(d("2026-12-07"), 6);
    let list = over(&u.conn, from, to).unwrap();
    assert_eq!((of(&list, a).weekends, of(&list, a).shifts), (2, 3));
    assert_eq!((of(&list, b).weekends, of(&list, b).shifts), (0, 1));
    assert_eq!(of(&list, c).weekends, 1);
    // 3 weekends over 2.5 FTE: a full-timer's share is 1.2, the half's 0.6.
    let share = |id| of(&list, id).weekends_share.unwrap();
    assert!((share(a) - 1.2).abs() < 1e-9, "{}", share(a));
    assert!((share(c) - 0.6).abs() < 1e-9, "{}", share(c));
    assert_eq!(
        of(&list, prn).weekends_share,
        None,
        "per diem staff have no share"
    );
    assert_eq!(of(&list, prn).weekends, 1);
}

#[test]
fn a_share_follows_the_days_employed_in_the_window() {
    let u = unit();
    let (from, to) = (d("2026-11-01"), d("2026-11-30"));
    let old = person(&u, "Old", EmploymentType::FullTime, 100, "2020-01-01");
    let new = person(&u, "New", EmploymentType::FullTime, 100, "2026-11-16");
    for date in ["2026-11-07", "2026-11-14", "2026-11-21", "2026-11-28"] {
        shift(&u, old, date, u.night);
    }
    let list = over(&u.conn, from, to).unwrap();
    // 30 + 15 days employed: the newcomer is due a third of the 4.
    let share = of(&list, new).weekends_share.unwrap();
    assert!((share - 4.0 / 3.0).abs() < 1e-9, "{share}");
    assert_eq!(of(&list, old).nights, 4);
}

#[test]
fn holidays_and_nights_are_counted() {
    let u = unit();
    let a = person(&u, "Full", EmploymentType::FullTime, 100, "2020-01-01");
    u.conn
        .execute(
            "INSERT INTO holiday (date, name) VALUES ('2026-11-26', 'Thanksgiving')",
            [],
        )
        .unwrap();
    shift(&u, a, "2026-11-26", u.night);
    shift(&u, a, "2026-11-27", u.day);
    let list = over(&u.conn, d("2026-11-01"), d("2026-11-30")).unwrap();
    let p = of(&list, a);
    assert_eq!((p.holidays, p.nights, p.shifts), (1, 1, 2));
}

#[test]
fn a_request_is_granted_when_the_day_came_out_as_asked() {
    let u = unit();
    let a = person(&u, "Full", EmploymentType::FullTime, 100, "2020-01-01");
    shift(&u, a, "2026-11-03", u.day);
    shift(&u, a, "2026-11-04", u.day);
    shift(&u, a, "2026-11-05", u.night);
    ask(&u, a, "2026-11-02", "off", None); // off, no shift: granted
    ask(&u, a, "2026-11-03", "off", None); // off, but working: not
    ask(&u, a, "2026-11-04", "work", Some(u.night)); // asked N, got D: not
    ask(&u, a, "2026-11-05", "work", Some(u.night)); // asked N, got N: granted
    ask(&u, a, "2026-11-06", "work", None); // asked any, got none: not
    let list = over(&u.conn, d("2026-11-01"), d("2026-11-30")).unwrap();
    assert_eq!((of(&list, a).requests, of(&list, a).granted), (5, 2));
}

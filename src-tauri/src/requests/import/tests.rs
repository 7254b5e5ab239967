//! The sign-up sheet import on the sample department, with sheets written
//! the ways staff and other systems write them.

use super::*;
use crate::requests::{self, StaffRequestInput};
use chrono::Duration;

struct Unit {
    conn: Connection,
    period: i64,
    from: NaiveDate,
    to: NaiveDate,
    /// Three RNs employed throughout the draft period: (id, employee no, first, last).
    rns: Vec<(i64, String, String, String)>,
}

fn unit() -> Unit {
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let (conn, draft) = crate::sample::tests_support::sample_with_draft(today);
    let (period, from, to) = (draft.id, draft.start_date, draft.end_date);
    let rns = conn
        .prepare(
            "SELECT id, employee_no, first_name, last_name FROM staff
             WHERE role = 'RN' AND employment_type = 'full_time' AND termination_date IS NULL
             ORDER BY id LIMIT 3",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    Unit {
        conn,
        period,
        from: input::date(&from).unwrap(),
        to: input::date(&to).unwrap(),
        rns,
    }
}

fn nice() -> RequestImportOptions {
    RequestImportOptions {
        unmarked: RequestPriority::Nice,
        sign_ups: false,
    }
}

/// "Mon 1/11" month first, as a US spreadsheet shows a date with its day.
fn us(d: NaiveDate) -> String {
    d.format("%a %-m/%-d").to_string()
}

fn stored(u: &Unit, staff_id: i64) -> Vec<StaffRequest> {
    requests::for_dates(&u.conn, u.from, u.to)
        .unwrap()
        .into_iter()
        .filter(|r| r.staff_id == staff_id)
        .collect()
}

fn request(u: &Unit, staff_id: i64, day: NaiveDate, priority: RequestPriority) {
    requests::save(
        &u.conn,
        &StaffRequestInput {
            staff_id,
            date: input::format_date(day),
            kind: Some(RequestKind::Off),
            shift_type_id: None,
            priority: Some(priority),
            note: String::new(),
        },
    )
    .unwrap();
}

#[test]
fn a_sheet_written_by_hand_imports_every_request() {
    let mut u = unit();
    let (a, b) = (&u.rns[0], &u.rns[1]);
    let d = |n: i64| u.from + Duration::days(n);
    let text = format!(
        "4 West requests\nLast Name,First Name,Unit,{},{},{},{}\n{},{},4W,off!,N,,off (wedding)\n{},{},4W,any?,,3p,\n",
        us(d(0)), us(d(1)), us(d(2)), us(d(3)),
        a.3, a.2, b.3, b.2,
    );
    let p = preview(&u.conn, u.period, &text, &nice()).unwrap();
    assert!(p.refused.is_empty(), "{:?}", p.refused);
    assert_eq!((p.days, p.people, p.requests, p.added), (4, 2, 5, 5));
    let outcome = import(&mut u.conn, u.period, &text, &nice()).unwrap();
    assert_eq!(outcome.added, 5);
    let ana = stored(&u, a.0);
    assert_eq!(ana.len(), 3);
    assert_eq!(
        (ana[0].kind, ana[0].priority),
        (RequestKind::Off, RequestPriority::Strong)
    );
    assert_eq!(ana[1].kind, RequestKind::Work);
    assert!(ana[1].shift_type_id.is_some());
    assert_eq!(
        (ana[2].note.as_str(), ana[2].priority),
        ("wedding", RequestPriority::Nice)
    );
    let ben = stored(&u, b.0);
    assert_eq!(
        (ben[0].kind, ben[0].shift_type_id),
        (RequestKind::Work, None)
    );
    assert!(ben[1].shift_type_id.is_some(), "3p is the evening shift");
}

#[test]
fn the_sheet_replaces_a_persons_requests_on_its_days_only() {
    let mut u = unit();
    let (a, b) = (u.rns[0].clone(), u.rns[1].clone());
    let d = |n: i64| u.from + Duration::days(n);
    request(&u, a.0, d(0), RequestPriority::Nice); // covered, blank: removed
    request(&u, a.0, d(10), RequestPriority::Nice); // not covered: kept
    request(&u, b.0, d(0), RequestPriority::Nice); // not in the sheet: kept
    let text = format!(
        "Employee no,Name,{},{}\n{},{} {},,off\n",
        input::format_date(d(0)),
        input::format_date(d(1)),
        a.1,
        a.2,
        a.3
    );
    let p = preview(&u.conn, u.period, &text, &nice()).unwrap();
    assert_eq!((p.added, p.changed, p.removed), (1, 0, 1));
    assert_eq!(p.changes[0].before, "Off (nice to have)");
    assert_eq!(p.changes[0].after, "");
    import(&mut u.conn, u.period, &text, &nice()).unwrap();
    let days = |id: i64| {
        stored(&u, id)
            .iter()
            .map(|r| r.date.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        days(a.0),
        vec![input::format_date(d(1)), input::format_date(d(10))]
    );
    assert_eq!(days(b.0), vec![input::format_date(d(0))]);
    // The same sheet again changes nothing and says so.
    let again = preview(&u.conn, u.period, &text, &nice()).unwrap();
    assert_eq!((again.changes.len(), again.unchanged), (0, 1));
}

#[test]
fn one_bad_cell_refuses_the_whole_sheet_and_changes_nothing() {
    let mut u = unit();
    let (a, b) = (&u.rns[0], &u.rns[1]);
    let text = format!(
        "Name;{};{}\n{} {};off;\n{} {};;Eve\n",
        u.from.format("%d.%m."),
        (u.from + Duration::days(1)).format("%d.%m."),
        a.2,
        a.3,
        b.2,
        b.3
    );
    let p = preview(&u.conn, u.period, &text, &nice()).unwrap();
    assert_eq!(p.refused.len(), 1);
    assert_eq!(p.refused[0].line, 3);
    assert!(
        p.refused[0].text.contains("“Eve” is not a request"),
        "{}",
        p.refused[0].text
    );
    let err = import(&mut u.conn, u.period, &text, &nice()).unwrap_err();
    assert!(
        err.message.contains("Nothing was imported"),
        "{}",
        err.message
    );
    assert!(
        stored(&u, a.0).is_empty(),
        "the good row was not written either"
    );
}

#[test]
fn people_not_on_the_roster_are_left_out_and_listed() {
    let mut u = unit();
    let a = &u.rns[0];
    let text = format!(
        "Name,{}\n{} {},off\nPat Visitor,off\n",
        input::format_date(u.from),
        a.2,
        a.3
    );
    let p = preview(&u.conn, u.period, &text, &nice()).unwrap();
    assert!(p.refused.is_empty());
    assert_eq!(p.unknown.len(), 1);
    assert_eq!(p.unknown[0].line, 3);
    assert!(p.unknown[0].text.contains("Pat Visitor"));
    assert_eq!(
        import(&mut u.conn, u.period, &text, &nice()).unwrap().added,
        1
    );
}

#[test]
fn strong_requests_up_to_the_cap_are_taken_and_one_more_is_refused() {
    let mut u = unit();
    let a = u.rns[0].clone();
    let cap = rules::load(&u.conn).unwrap().strong_per_period;
    // One strong request already on the grid on a day the sheet leaves out.
    request(&u, a.0, u.to, RequestPriority::Strong);
    let sheet = |n: i64| {
        let days: Vec<String> = (0..n)
            .map(|i| input::format_date(u.from + Duration::days(i)))
            .collect();
        format!(
            "Employee no,{}\n{},{}\n",
            days.join(","),
            a.1,
            vec!["off!"; n as usize].join(",")
        )
    };
    let within = sheet(cap - 1);
    let p = preview(&u.conn, u.period, &within, &nice()).unwrap();
    assert!(p.refused.is_empty(), "{:?}", p.refused);
    let over = sheet(cap);
    let p = preview(&u.conn, u.period, &over, &nice()).unwrap();
    assert_eq!(p.refused.len(), 1);
    assert!(
        p.refused[0].text.contains(&format!("allows {cap}")),
        "{}",
        p.refused[0].text
    );
    assert!(
        p.refused[0].text.contains("1 more on the grid"),
        "{}",
        p.refused[0].text
    );
    assert!(import(&mut u.conn, u.period, &over, &nice()).is_err());
    // Unmarked cells count as the import's choice: strong makes them count.
    let plain = format!("Employee no,{}\n{},off\n", input::format_date(u.from), a.1);
    let strong = RequestImportOptions {
        unmarked: RequestPriority::Strong,
        sign_ups: false,
    };
    import(&mut u.conn, u.period, &plain, &strong).unwrap();
    assert_eq!(stored(&u, a.0)[0].priority, RequestPriority::Strong);
}

#[test]
fn a_request_after_a_leavers_last_day_is_refused() {
    let mut u = unit();
    let a = u.rns[0].clone();
    let last = u.from + Duration::days(2);
    u.conn
        .execute(
            "UPDATE staff SET termination_date = ?1 WHERE id = ?2",
            params![input::format_date(last), a.0],
        )
        .unwrap();
    let ok = format!("Employee no,{}\n{},off\n", input::format_date(last), a.1);
    assert!(preview(&u.conn, u.period, &ok, &nice())
        .unwrap()
        .refused
        .is_empty());
    let after = format!(
        "Employee no,{}\n{},off\n",
        input::format_date(last + Duration::days(1)),
        a.1
    );
    let p = preview(&u.conn, u.period, &after, &nice()).unwrap();
    assert!(
        p.refused[0].text.contains("last day is"),
        "{}",
        p.refused[0].text
    );
    assert!(import(&mut u.conn, u.period, &after, &nice()).is_err());
}

#[test]
fn the_blank_sheet_reads_back_and_a_filled_one_imports() {
    let mut u = unit();
    let file = sheet::blank(&u.conn, u.period, Some(&["Day · RN 1".to_string()])).unwrap();
    let text = crate::csv_file::decode(&file.bytes).unwrap();
    let p = preview(&u.conn, u.period, &text, &nice()).unwrap();
    assert!(
        p.refused.is_empty() && p.unknown.is_empty(),
        "{:?} {:?}",
        p.refused,
        p.unknown
    );
    assert_eq!(p.days, (u.to - u.from).num_days() + 1);
    assert!(
        p.people > 40,
        "everyone employed in the period has a row: {}",
        p.people
    );
    assert_eq!(p.requests, 0);
    // A person writes "N!" in their row's first day.
    let a = &u.rns[0];
    let row = format!("{},{} {},", a.1, a.2, a.3);
    assert!(text.contains(&row), "the sheet has a row for {}", a.3);
    let filled = text.replacen(&row, &format!("{row}N!"), 1);
    import(&mut u.conn, u.period, &filled, &nice()).unwrap();
    let got = stored(&u, a.0);
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].date.as_str(), got[0].priority),
        (input::format_date(u.from).as_str(), RequestPriority::Strong)
    );
}

#[test]
fn a_sheet_with_no_day_of_the_period_says_what_it_needs() {
    let u = unit();
    let err = preview(&u.conn, u.period, "Name,Notes\nAna,off\n", &nice()).unwrap_err();
    assert!(
        err.message.contains("headed by a day of this period"),
        "{}",
        err.message
    );
}

#[test]
fn sign_ups_are_musts_to_work_beyond_the_cap_of_strong_requests() {
    let mut u = unit();
    let a = u.rns[0].clone();
    let cap = rules::load(&u.conn).unwrap().strong_per_period;
    let days: Vec<String> = (0..cap + 2)
        .map(|i| input::format_date(u.from + Duration::days(2 * i)))
        .collect();
    let mut cells = vec!["D"; (cap + 1) as usize];
    cells.push("off!");
    let text = format!(
        "Employee no,Name,{}\n,Open shifts,{}\n{},,{}\n",
        days.join(","),
        vec!["Day · RN 1"; days.len()].join(","),
        a.1,
        cells.join(",")
    );
    let sign_ups = RequestImportOptions {
        unmarked: RequestPriority::Nice,
        sign_ups: true,
    };
    let p = preview(&u.conn, u.period, &text, &sign_ups).unwrap();
    assert!(
        p.refused.is_empty() && p.unknown.is_empty(),
        "{:?} {:?}",
        p.refused,
        p.unknown
    );
    import(&mut u.conn, u.period, &text, &sign_ups).unwrap();
    let got = stored(&u, a.0);
    assert_eq!(got.len(), days.len());
    assert!(got
        .iter()
        .filter(|r| r.kind == RequestKind::Work)
        .all(|r| r.priority == RequestPriority::Must));
    // As plain requests the same sheet passes the cap and is refused.
    let p = preview(&u.conn, u.period, &text.replace('D', "D!"), &nice()).unwrap();
    assert_eq!(p.refused.len(), 1, "{:?}", p.refused);
}

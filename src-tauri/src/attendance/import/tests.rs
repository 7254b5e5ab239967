use super::*;
use crate::csv_file::decode;
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use PunchField::*;

const CHICAGO: Tz = chrono_tz::America::Chicago;

fn staff() -> HashMap<String, i64> {
    staff_by_number([("1001", 1), ("1002", 2), ("A-77", 3)])
}

fn local(p: Option<chrono::DateTime<chrono::Utc>>) -> String {
    p.map(|t| t.with_timezone(&CHICAGO).format("%m-%d %H:%M").to_string())
        .unwrap_or_else(|| "-".into())
}

fn shown(preview: &PunchPreview) -> Vec<(i64, String, String, Option<i64>)> {
    preview
        .punches
        .iter()
        .map(|p| {
            (
                p.staff_id,
                local(p.clock_in),
                local(p.clock_out),
                p.worked_minutes(),
            )
        })
        .collect()
}

/// A Kronos/UKG timecard detail export as Excel re-saves it: BOM, CRLF,
/// quoted names with commas, 12-hour times, an employee of another
/// department, and a padded person number.
const KRONOS: &[u8] = b"\xEF\xBB\xBFPerson Number,Employee Name,Apply Date,In Punch,Out Punch,Pay Code,Labor Level Transfer,Meal\r\n\
01001,\"Rivera, Ana\",10/30/2026,6:52 PM,7:09 AM,REG,\"4410,RN\",30\r\n\
1001,\"Rivera, Ana\",10/31/2026,6:52 PM,7:09 AM,REG,\"4410,RN\",30\r\n\
1002,\"Chen, Li\",03/07/2026,18:52,07:09,REG,4410,0:30\r\n\
9999,\"Other, Dept\",10/31/2026,7:00 AM,3:30 PM,REG,5520,\r\n\
A-77,\"Okafor, Ngozi\",10/31/2026,6:55 AM,,REG,4410,\r\n";

#[test]
fn a_kronos_pair_export_is_read_with_nights_across_both_clock_changes() {
    let text = decode(KRONOS).unwrap();
    let mapping = guess_text(&text, "America/Chicago");
    assert!(mapping.has_header);
    assert_eq!(
        mapping.columns,
        vec![
            Some(EmployeeNo),
            None,
            Some(Date),
            Some(TimeIn),
            Some(TimeOut),
            Some(PayCode),
            None,
            Some(MealMinutes)
        ],
        "“Labor Level Transfer” is not a known header: left for the manager"
    );
    let got = import(&text, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap();
    assert_eq!(
        shown(&got),
        vec![
            (
                1,
                "10-30 18:52".into(),
                "10-31 07:09".into(),
                Some(12 * 60 + 17 - 30)
            ),
            // Clocks go back at 02:00 on 1 November: 13 h 17 min of real time.
            (
                1,
                "10-31 18:52".into(),
                "11-01 07:09".into(),
                Some(13 * 60 + 17 - 30)
            ),
            // Clocks go forward at 02:00 on 8 March: 11 h 17 min.
            (
                2,
                "03-07 18:52".into(),
                "03-08 07:09".into(),
                Some(11 * 60 + 17 - 30)
            ),
            (3, "10-31 06:55".into(), "-".into(), None),
        ]
    );
    assert_eq!(
        got.punches[1].workday,
        NaiveDate::from_ymd_opt(2026, 10, 31).unwrap()
    );
    assert_eq!(got.punches[0].pay_code.as_deref(), Some("REG"));
    assert_eq!(
        got.rows[3],
        PreviewRow {
            line: 5,
            outcome: RowOutcome::Unmatched {
                employee_no: "9999".into()
            }
        },
        "another department's row is listed by line and left out"
    );
    assert_eq!(got.unmatched(), 1);
}

#[test]
fn one_bad_row_refuses_the_file_by_line_and_imports_nothing() {
    let mut bytes = KRONOS.to_vec();
    bytes.extend_from_slice(b"1002,\"Chen, Li\",03/08/2026,25:10,07:00,REG,4410,\r\n");
    bytes.extend_from_slice(b"1002,\"Chen, Li\",03/09/2026,07:00,07:00,REG,4410,\r\n");
    let text = decode(&bytes).unwrap();
    let mapping = guess_text(&text, "America/Chicago");
    let preview = preview(&text, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap();
    let refused: Vec<(i64, &str)> = preview.refused().collect();
    assert_eq!(
        refused,
        vec![
            (
                7,
                "“25:10” is not a time; use 24-hour 18:52 or 12-hour 6:52 PM."
            ),
            (8, "The time out (07:00) is the same as the time in."),
        ]
    );
    let err = import(&text, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap_err();
    assert!(
        err.message
            .starts_with("2 rows of the file cannot be imported"),
        "{}",
        err.message
    );
    assert!(err.message.ends_with("Nothing was imported."));
    assert_eq!(err.fields[0].field, "line 7");
}

#[test]
fn row_refusals_say_why() {
    let mapping = PunchMapping {
        has_header: false,
        columns: vec![
            Some(EmployeeNo),
            Some(Date),
            Some(TimeIn),
            Some(TimeOut),
            Some(MealMinutes),
        ],
        date_order: crate::staff::import::DateOrder::MonthFirst,
    };
    let cases = [
        (",2026-03-02,07:00,15:00,", "The employee number is empty."),
        ("1001,2026-02-30,07:00,15:00,", "is not a date"),
        ("1001,2026-03-02,,,", "neither a time in nor a time out"),
        ("1001,2026-03-02,07:00,07:30,30", "as long as the shift"),
        ("1001,2026-03-02,07:00,15:00,lunch", "is not a meal break"),
        (
            "1001,2026-03-02,3/02/2026 07:00,3/04/2026 08:00,",
            "longer than 24 hours",
        ),
    ];
    for (row, why) in cases {
        let got = preview(row, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap();
        let reason = got
            .refused()
            .next()
            .map(|r| r.1.to_string())
            .unwrap_or_default();
        assert!(reason.contains(why), "{row}: {reason}");
    }
    // Exactly 24 hours is still one (very long) shift.
    let day = preview(
        "1001,2026-03-02,3/02/2026 07:00,3/03/2026 07:00,",
        &mapping,
        &staff(),
        CHICAGO,
        &Overnight::none(),
    )
    .unwrap();
    assert_eq!(day.punches[0].worked_minutes(), Some(24 * 60));
}

/// A Dayforce-style raw punch export: one row per punch with a direction,
/// date and time together, semicolons, a double swipe and a missed out.
const DAYFORCE: &str = "Employee XRefCode;Punch Type;Punch Time;Department\n\
1001;In;2026-11-02 06:58;4410\n\
1001;In;2026-11-02 06:58;4410\n\
1002;Out;2026-11-03 07:05;4410\n\
1001;Out;2026-11-02 19:14;4410\n\
1002;In;2026-11-02 18:49;4410\n\
1001;In;2026-11-04 07:01;4410\n\
1001;Out;2026-11-06 07:00;4410\n\
1002;Out;2026-11-04 07:00;4410\n";

#[test]
fn a_per_punch_export_is_paired_per_person_in_time_order() {
    let mapping = guess_text(DAYFORCE, "America/Chicago");
    assert_eq!(
        mapping.columns,
        vec![
            Some(EmployeeNo),
            Some(Direction),
            Some(PunchTime),
            Some(CostCentre)
        ]
    );
    let got = import(DAYFORCE, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap();
    assert_eq!(
        shown(&got),
        vec![
            (
                1,
                "11-02 06:58".into(),
                "11-02 19:14".into(),
                Some(12 * 60 + 16)
            ),
            // An out two days after the in is not its pair: two missed punches.
            (1, "11-04 07:01".into(), "-".into(), None),
            (1, "-".into(), "11-06 07:00".into(), None),
            (
                2,
                "11-02 18:49".into(),
                "11-03 07:05".into(),
                Some(12 * 60 + 16)
            ),
            (2, "-".into(), "11-04 07:00".into(), None),
        ]
    );
    assert_eq!(got.punches[0].cost_centre.as_deref(), Some("4410"));
}

#[test]
fn columns_without_known_headers_are_guessed_from_their_values() {
    // A Workday time-block report with its own header words.
    let text =
        "Worker,Reported Date,Block Start,Block End,Hours\n1001,11/02/2026,07:00,19:30,12.5\n";
    let mapping = guess_text(text, "America/Chicago");
    assert_eq!(
        mapping.columns[1..4],
        [Some(Date), Some(TimeIn), Some(TimeOut)]
    );
    assert_eq!(
        mapping.columns[0], None,
        "“Worker” names nothing; the manager maps it"
    );
    assert_eq!(
        preview(text, &mapping, &staff(), CHICAGO, &Overnight::none())
            .unwrap_err()
            .fields[0]
            .message,
        "Map the column with the employee number."
    );
}

#[test]
fn a_mapping_that_cannot_read_a_punch_is_refused() {
    let m = |columns: Vec<Option<PunchField>>| PunchMapping {
        has_header: false,
        columns,
        date_order: crate::staff::import::DateOrder::MonthFirst,
    };
    let cases = [
        (
            vec![Some(EmployeeNo), Some(TimeIn)],
            "Map both the time in and the time out column.",
        ),
        (
            vec![Some(EmployeeNo), Some(PunchTime)],
            "Map both the punch time and its In/Out column.",
        ),
        (
            vec![
                Some(EmployeeNo),
                Some(TimeIn),
                Some(TimeOut),
                Some(Direction),
            ],
            "not both",
        ),
        (vec![Some(EmployeeNo), Some(EmployeeNo)], "Two columns"),
        (
            vec![Some(EmployeeNo), Some(Date)],
            "Map the time in and time out columns",
        ),
    ];
    for (columns, why) in cases {
        let err = m(columns.clone()).check().unwrap_err();
        assert!(
            err.fields[0].message.contains(why),
            "{columns:?}: {}",
            err.fields[0].message
        );
    }
    assert!(m(vec![Some(EmployeeNo), Some(TimeIn), Some(TimeOut)])
        .check()
        .is_ok());
}

#[test]
fn a_day_first_date_column_is_read_day_first_and_a_mixed_one_refused() {
    let mapping = PunchMapping {
        has_header: false,
        columns: vec![Some(EmployeeNo), Some(Date), Some(TimeIn), Some(TimeOut)],
        date_order: crate::staff::import::DateOrder::MonthFirst,
    };
    let uk = "1001,03/11/2026,07:00,15:00\n1001,25/11/2026,07:00,15:00\n";
    let got = preview(uk, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap();
    assert_eq!(
        got.punches[0].workday,
        NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
    );
    let mixed = "1001,25/11/2026,07:00,15:00\n1001,11/25/2026,07:00,15:00\n";
    let err = preview(mixed, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap_err();
    assert_eq!(err.fields[0].field, "date_order");
}

#[test]
fn a_night_in_the_repeated_hour_is_one_shift_of_its_real_length() {
    let mapping = PunchMapping {
        has_header: false,
        columns: vec![Some(EmployeeNo), Some(Date), Some(TimeIn), Some(TimeOut)],
        date_order: crate::staff::import::DateOrder::MonthFirst,
    };
    let got = import(
        "1001,2026-10-31,23:00,03:00\n",
        &mapping,
        &staff(),
        CHICAGO,
        &Overnight::none(),
    )
    .unwrap();
    let start = NaiveDateTime::parse_from_str("2026-10-31 23:00", "%Y-%m-%d %H:%M").unwrap();
    assert_eq!(
        got.punches[0].clock_in,
        Some(CHICAGO.from_local_datetime(&start).unwrap().to_utc())
    );
    assert_eq!(
        got.punches[0].worked_minutes(),
        Some(5 * 60),
        "23:00–03:00 lives 01:00–02:00 twice"
    );
}

#[test]
fn a_file_of_only_other_departments_staff_imports_nothing_and_says_so() {
    let text =
        "Employee ID,Date,In,Out\r\n5001,2026-11-02,07:00,19:00\r\n5002,2026-11-02,19:00,07:00\r\n";
    let mapping = guess_text(text, "America/Chicago");
    let preview = preview(text, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap();
    assert_eq!(preview.unmatched(), 2);
    let err = import(text, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap_err();
    assert_eq!(
        err.fields[0].message,
        "No row of the file is a punch of this department's staff; nothing was imported."
    );
    // One of ours among them is enough.
    let ours = format!("{text}1001,2026-11-02,07:00,19:00\r\n");
    assert_eq!(
        import(&ours, &mapping, &staff(), CHICAGO, &Overnight::none())
            .unwrap()
            .punches
            .len(),
        1
    );
}

/// "Meal (min)" was listed as "meal min", which no header key can be (keys
/// keep letters and digits only), so the meal went unmapped and was paid.
#[test]
fn a_meal_column_named_with_its_unit_is_the_meal() {
    let text =
        "Employee ID,Work Date,Time In,Time Out,Meal (min)\r\n1001,2026-11-02,06:58,19:03,30\r\n";
    let mapping = guess_text(text, "America/Chicago");
    assert_eq!(
        mapping.columns,
        vec![
            Some(EmployeeNo),
            Some(Date),
            Some(TimeIn),
            Some(TimeOut),
            Some(MealMinutes)
        ]
    );
    let p = preview(text, &mapping, &staff(), CHICAGO, &Overnight::none()).unwrap();
    assert_eq!(p.punches[0].worked_minutes(), Some(12 * 60 + 5 - 30));
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn at(text: &str) -> chrono::NaiveTime {
    chrono::NaiveTime::parse_from_str(text, "%H:%M").unwrap()
}

/// Ana (1) has a night 19:00 on 31 Oct; Li (2) a day shift 07:00 that day.
fn nights() -> Overnight {
    Overnight::from_shifts([(1, date("2026-10-31"), at("19:00"))])
}

const LONE_OUTS: &str = "1001,10/31/2026,,7:09 AM\n1002,10/31/2026,,3:30 PM\n";

fn pairs_mapping() -> PunchMapping {
    PunchMapping {
        has_header: false,
        columns: vec![Some(EmployeeNo), Some(Date), Some(TimeIn), Some(TimeOut)],
        date_order: crate::staff::import::DateOrder::MonthFirst,
    }
}

#[test]
fn a_nights_lone_out_time_is_the_morning_after_its_apply_date() {
    let got = preview(LONE_OUTS, &pairs_mapping(), &staff(), CHICAGO, &nights()).unwrap();
    let ana = &got.punches.iter().find(|p| p.staff_id == 1).unwrap();
    assert_eq!(
        local(ana.clock_out),
        "11-01 07:09",
        "the night's out is the next morning"
    );
    assert_eq!(
        ana.workday,
        date("2026-10-31"),
        "the shift is still applied to its start day"
    );
    assert_eq!(
        ana.clock_in, None,
        "the missed in stays missed, for the exceptions"
    );
}

#[test]
fn a_lone_out_time_stays_on_its_date_without_a_night_or_after_the_nights_start() {
    let got = preview(LONE_OUTS, &pairs_mapping(), &staff(), CHICAGO, &nights()).unwrap();
    let li = got.punches.iter().find(|p| p.staff_id == 2).unwrap();
    assert_eq!(
        local(li.clock_out),
        "10-31 15:30",
        "a day shift's out is that day"
    );
    // Unknown schedule: nothing to go on, so the row's date.
    let blind = preview(
        LONE_OUTS,
        &pairs_mapping(),
        &staff(),
        CHICAGO,
        &Overnight::none(),
    )
    .unwrap();
    let ana = blind.punches.iter().find(|p| p.staff_id == 1).unwrap();
    assert_eq!(local(ana.clock_out), "10-31 07:09");
    // Boundary: an out at or after the night's start is that evening, not the next morning.
    let evening = preview(
        "1001,10/31/2026,,19:00\n1001,10/31/2026,,23:10\n",
        &pairs_mapping(),
        &staff(),
        CHICAGO,
        &nights(),
    )
    .unwrap();
    let outs: Vec<String> = evening.punches.iter().map(|p| local(p.clock_out)).collect();
    assert_eq!(outs, ["10-31 19:00", "10-31 23:10"]);
    // A time out carrying its own date is taken as written.
    let dated = preview(
        "1001,10/31/2026,,10/31/2026 07:09\n",
        &pairs_mapping(),
        &staff(),
        CHICAGO,
        &nights(),
    )
    .unwrap();
    assert_eq!(local(dated.punches[0].clock_out), "10-31 07:09");
}

#[test]
fn overnight_shifts_are_those_ending_the_next_day_midnight_included() {
    use crate::schedule::testing::{assignment, shift};
    let types = [
        shift(1, "D", "Day", "07:00", 720),
        shift(2, "N", "Night", "19:00", 720),
        shift(3, "E", "Evening", "16:00", 480),
        shift(4, "L", "Late", "15:00", 539),
    ];
    let schedule = [
        assignment(1, "2026-10-31", 1),
        assignment(2, "2026-10-31", 2),
        assignment(3, "2026-10-31", 3),
        assignment(4, "2026-10-31", 4),
    ];
    let nights = Overnight::of_schedule(&schedule, &types);
    let day = date("2026-10-31");
    let next = date("2026-11-01");
    assert_eq!(
        nights.out_day(1, day, at("06:00")),
        day,
        "07:00–19:00 ends the same day"
    );
    assert_eq!(
        nights.out_day(2, day, at("07:05")),
        next,
        "19:00–07:00 ends the next day"
    );
    assert_eq!(
        nights.out_day(3, day, at("00:00")),
        next,
        "16:00–24:00 ends at midnight, the next day"
    );
    assert_eq!(
        nights.out_day(4, day, at("23:59")),
        day,
        "15:00 for 539 min ends 23:59, the same day"
    );
}

#[test]
fn an_employee_number_with_or_without_a_letter_prefix_is_the_same_person_when_unique() {
    let staff = staff_by_number([
        ("E10003", 1),
        ("10004", 2),
        ("E20001", 3),
        ("X20001", 4),
        ("0042", 5),
    ]);
    assert_eq!(
        staff_of(&staff, "10003"),
        Some(1),
        "the clock leaves HR's prefix off"
    );
    assert_eq!(staff_of(&staff, "e10003"), Some(1), "case does not matter");
    assert_eq!(
        staff_of(&staff, "E10004"),
        Some(2),
        "the clock adds a prefix HR has not"
    );
    assert_eq!(staff_of(&staff, "E20001"), Some(3), "an exact number wins");
    assert_eq!(
        staff_of(&staff, "20001"),
        None,
        "two people's numbers have these digits: nobody is guessed"
    );
    assert_eq!(staff_of(&staff, "42"), Some(5), "leading zeros, as before");
    assert_eq!(
        staff_of(&staff, "10005"),
        None,
        "another department's number matches nobody"
    );
    assert_eq!(staff_of(&staff, "ABC"), None);
}

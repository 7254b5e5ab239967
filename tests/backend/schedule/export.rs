//! The CSV export, read back with a CSV parser: names with commas and
//! quotes survive, cells hold shift codes or approved time off.

use super::*;
use wardbook::schedule::store::{self, assignments};

#[test]
fn the_csv_reads_back_with_quoted_names_codes_and_totals() {
    let mut u = unit();
    let tricky = staff::create(
        &mut u.conn,
        &person("Jim \"JJ\"", "Smith, Jr.", "E9", Role::Rn, vec![]),
    )
    .unwrap()
    .id;
    let p = first_period(&mut u);
    for d in ["2026-11-29", "2026-12-01"] {
        assignments::set(&mut u.conn, p.id, tricky, d, "D", day(TODAY), "now").unwrap();
    }
    approved_off(&mut u.conn, tricky, "2026-12-03", "2026-12-03");
    let text = store::csv(&u.conn, p.id, day(TODAY)).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.len(), 3 + 28 + 2, "3 columns, 28 days, 2 totals");
    assert_eq!(
        &header[..4],
        ["Employee number", "Name", "Role", "2026-11-29"]
    );
    assert_eq!(&header[31..], ["Paid hours", "Shifts"]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 4, "one row per person");
    let jim = rows.iter().find(|r| r[0] == "E9").expect("Jim's row");
    assert_eq!(
        jim[1], "Smith, Jr., Jim \"JJ\"",
        "commas and quotes come back intact"
    );
    assert_eq!(jim[2], "RN");
    assert_eq!(
        (jim[3].as_str(), jim[4].as_str(), jim[5].as_str()),
        ("D", "", "D")
    );
    assert_eq!(jim[7], "PTO", "approved time off shows its code");
    assert_eq!(
        jim[31], "31.2",
        "two 12 h shifts and a PTO weekday with no shift: his 0.9 FTE's day (7.2 h)"
    );
    assert_eq!(jim[32], "2");
    assert!(
        text.contains("\"Smith, Jr., Jim \"\"JJ\"\"\""),
        "RFC 4180 doubles quotes inside quotes"
    );
}

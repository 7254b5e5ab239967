//! The payroll file adds up to the timecards (#26 fresh eyes 2, item 8):
//! each code's rows sum to the timecards' total of it, and by day a
//! person's rows sum to their row of the file by period. On the sample's
//! approved 8–21 Nov period.

use super::{export, PayrollLayout};
use crate::attendance::period;
use crate::attendance::timecards;
use crate::budget::labor::time_off_tests::approve;
use std::collections::HashMap;

/// Hundredths of an hour by (employee number, code), from a payroll file.
fn rows(bytes: &[u8], code_col: usize) -> HashMap<(String, String), i64> {
    let mut out = HashMap::new();
    for rec in csv::Reader::from_reader(bytes).records() {
        let rec = rec.unwrap();
        let h: i64 = rec[rec.len() - 2].replace('.', "").parse().unwrap();
        *out.entry((rec[0].to_string(), rec[code_col].to_string()))
            .or_default() += h;
    }
    out
}

#[test]
fn the_payroll_rows_add_up_to_the_timecards_totals_in_both_layouts() {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, crate::input::date("2026-11-25").unwrap()).unwrap();
    approve(&conn);
    let l = period::load(&conn, "2026-11-08").unwrap();
    let view = timecards::view(&conn, &l).unwrap();
    let by_period = rows(&export(&l, PayrollLayout::ByPeriod).unwrap().bytes, 4);
    let by_day = rows(&export(&l, PayrollLayout::ByDay).unwrap().bytes, 3);
    assert_eq!(
        by_day, by_period,
        "a person's days add up to their period row"
    );
    let mut drift = 0;
    for c in &view.summary.by_code {
        let file: i64 = by_period
            .iter()
            .filter(|((_, code), _)| *code == c.code)
            .map(|(_, h)| h)
            .sum();
        assert_eq!(
            file, c.hundredths,
            "{}: the file's rows and the timecards' total",
            c.code
        );
        drift += (c.hundredths - crate::attendance::paid_hours::hundredths(c.minutes)).abs();
    }
    assert!(
        drift > 0,
        "the sample's totals do drift when the minutes are rounded after summing (the case that split them)"
    );
    for card in &view.timecards {
        for c in &card.by_code {
            assert_eq!(
                by_period.get(&(card.employee_no.clone(), c.code.clone())),
                Some(&c.hundredths),
                "{} {}",
                card.name,
                c.code
            );
        }
    }
}

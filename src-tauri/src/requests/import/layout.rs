//! Where a sign-up sheet keeps what: the header row (title lines above it
//! are skipped), the columns naming the person (an employee number, a
//! name, or first and last names) and the columns of the period's days.
//! Other columns (role, FTE, notes, a total) are left alone.

use super::days::{self, Placed};
use crate::search_text::fold;
use crate::staff::import::dates::DateOrder;
use chrono::NaiveDate;

/// Rows before the header a sheet may have for its title and legend.
const TITLE_ROWS: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Layout {
    /// Index (into the records) of the header row.
    pub header: usize,
    pub number: Option<usize>,
    pub name: Option<usize>,
    pub first: Option<usize>,
    pub last: Option<usize>,
    /// Column and the period's day it holds, left to right.
    pub days: Vec<(usize, NaiveDate)>,
    /// Day headers the period does not hold, as written.
    pub outside: Vec<String>,
}

/// The sheet's layout; `preferred` breaks a tie between month-first and
/// day-first headers (the department's usual order).
pub(super) fn find(
    rows: &[Vec<String>],
    from: NaiveDate,
    to: NaiveDate,
    preferred: DateOrder,
) -> Result<Layout, String> {
    let mut best: Option<(usize, DayColumns)> = None;
    for (i, row) in rows.iter().enumerate().take(TITLE_ROWS + 1) {
        let read = read_days(row, from, to, preferred);
        if read.count() > 0 && best.as_ref().is_none_or(|(_, b)| read.count() > b.count()) {
            best = Some((i, read));
        }
    }
    if let Some(wrong) = best.as_ref().and_then(|(_, b)| b.wrong.first()) {
        return Err(wrong.clone());
    }
    let Some((header, columns)) = best else {
        return Err(format!(
            "No column of the sheet is headed by a day of this period ({} to {}): the first row \
             should name the person's column and then one column per day, such as 2027-01-12 \
             or Tue 12 Jan.",
            from.format("%-d %b %Y"),
            to.format("%-d %b %Y")
        ));
    };
    let day_cols: Vec<usize> = columns
        .days
        .iter()
        .map(|(c, _)| *c)
        .chain(columns.outside_cols)
        .collect();
    let people = person_columns(rows, header, &day_cols);
    if people.number.is_none()
        && people.name.is_none()
        && (people.first.is_none() || people.last.is_none())
    {
        return Err(
            "The sheet has no column naming each person: head one “Employee no” or “Name” \
             (or “Last name” and “First name”)."
                .into(),
        );
    }
    Ok(Layout {
        header,
        days: columns.days,
        outside: columns.outside,
        ..people
    })
}

struct DayColumns {
    days: Vec<(usize, NaiveDate)>,
    outside: Vec<String>,
    outside_cols: Vec<usize>,
    /// Why a header that looks like a day cannot be one.
    wrong: Vec<String>,
}

impl DayColumns {
    /// How many headers look like days: the header row has the most.
    fn count(&self) -> usize {
        self.days.len() + self.wrong.len()
    }
}

/// The row's day headers read in the order that places more of them in
/// the period (the preferred one on a tie).
fn read_days(row: &[String], from: NaiveDate, to: NaiveDate, preferred: DateOrder) -> DayColumns {
    let other = match preferred {
        DateOrder::MonthFirst => DateOrder::DayFirst,
        DateOrder::DayFirst => DateOrder::MonthFirst,
    };
    let first = read_in(row, from, to, preferred);
    let second = read_in(row, from, to, other);
    // Wrong headers count against an order: 1/13 is no month-first day.
    let score = |c: &DayColumns| c.days.len() as i64 - c.wrong.len() as i64;
    if score(&second) > score(&first) {
        second
    } else {
        first
    }
}

fn read_in(row: &[String], from: NaiveDate, to: NaiveDate, order: DateOrder) -> DayColumns {
    let mut out = DayColumns {
        days: Vec::new(),
        outside: Vec::new(),
        outside_cols: Vec::new(),
        wrong: Vec::new(),
    };
    for (col, text) in row.iter().enumerate() {
        let Some(header) = days::read(text, order) else {
            continue;
        };
        match header.place(out.days.last().map(|(_, d)| *d), from, to) {
            Placed::Day(d) => {
                if out.days.iter().any(|(_, seen)| *seen == d) {
                    out.wrong
                        .push(format!("Two columns are headed {}.", d.format("%a %-d %b")));
                } else {
                    out.days.push((col, d));
                }
            }
            Placed::Outside => {
                out.outside.push(text.clone());
                out.outside_cols.push(col);
            }
            Placed::Wrong(why) => out.wrong.push(format!("The column “{text}” {why}.")),
        }
    }
    out
}

/// The columns that name the person: by their headers, else by what their
/// values look like (digits: a number; letters: a name).
fn person_columns(rows: &[Vec<String>], header: usize, day_cols: &[usize]) -> Layout {
    let mut found = Layout {
        header,
        number: None,
        name: None,
        first: None,
        last: None,
        days: Vec::new(),
        outside: Vec::new(),
    };
    let values = |col: usize| {
        rows[header + 1..]
            .iter()
            .filter_map(move |r| r.get(col))
            .filter(|v| !v.is_empty())
    };
    let headers = &rows[header];
    for (col, text) in headers.iter().enumerate() {
        if day_cols.contains(&col) {
            continue;
        }
        let h = fold(text);
        let words: Vec<&str> = h
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |w: &str| words.contains(&w);
        let slot = if has("first") || has("given") || has("forename") {
            &mut found.first
        } else if has("last") || has("surname") || has("family") {
            &mut found.last
        } else if has("no")
            || has("number")
            || has("id")
            || has("badge")
            || has("payroll")
            || h.contains('#')
        {
            &mut found.number
        } else if has("name") || has("employee") || has("staff") || has("nurse") || has("person") {
            let digits = values(col).count() > 0
                && values(col).all(|v| v.chars().all(|c| c.is_ascii_digit()));
            if digits {
                &mut found.number
            } else {
                &mut found.name
            }
        } else {
            continue;
        };
        if slot.is_none() {
            *slot = Some(col);
        }
    }
    if found.number.is_none() && found.name.is_none() && found.first.is_none() {
        // No header says: an unheaded column before the days holding names.
        let first_day = day_cols.iter().min().copied().unwrap_or(0);
        for col in (0..first_day).filter(|c| headers.get(*c).is_none_or(|h| h.is_empty())) {
            let mut vals = values(col).peekable();
            if vals.peek().is_none() {
                continue;
            }
            let all: Vec<&String> = vals.collect();
            if all.iter().all(|v| v.chars().all(|c| c.is_ascii_digit())) {
                found.number.get_or_insert(col);
            } else if all.iter().all(|v| v.chars().any(char::is_alphabetic)) {
                found.name.get_or_insert(col);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn sheet(lines: &[&str]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|l| l.split(',').map(|f| f.trim().to_string()).collect())
            .collect()
    }

    fn layout(lines: &[&str]) -> Result<Layout, String> {
        find(
            &sheet(lines),
            d("2027-01-11"),
            d("2027-02-07"),
            DateOrder::MonthFirst,
        )
    }

    #[test]
    fn title_lines_above_the_header_are_skipped() {
        let l = layout(&[
            "Requests for 4 West 11 Jan - 7 Feb 2027",
            "write off or a shift",
            "Employee no,Name,Role,2027-01-11,2027-01-12",
            "1001,Ana Ruiz,RN,off,",
        ])
        .unwrap();
        assert_eq!(l.header, 2);
        assert_eq!((l.number, l.name), (Some(0), Some(1)));
        assert_eq!(l.days, vec![(3, d("2027-01-11")), (4, d("2027-01-12"))]);
    }

    #[test]
    fn first_and_last_name_columns_are_found() {
        let l = layout(&[
            "Last Name,First Name,Mon 11 Jan,Tue 12 Jan",
            "Ruiz,Ana,off,",
        ])
        .unwrap();
        assert_eq!(
            (l.last, l.first, l.number, l.name),
            (Some(0), Some(1), None, None)
        );
    }

    #[test]
    fn an_employee_column_of_digits_is_the_number() {
        let l = layout(&["Employee,1/11,1/12", "1001,off,", "1002,,N"]).unwrap();
        assert_eq!((l.number, l.name), (Some(0), None));
        let l = layout(&["Employee,1/11,1/12", "Ana Ruiz,off,"]).unwrap();
        assert_eq!((l.number, l.name), (None, Some(0)));
    }

    #[test]
    fn an_unheaded_name_column_is_found_by_its_values() {
        let l = layout(&[",11 Jan,12 Jan", "Ana Ruiz,off,", "Ben Ode,,D"]).unwrap();
        assert_eq!(l.name, Some(0));
    }

    #[test]
    fn day_first_headers_are_read_day_first() {
        let l = layout(&["Name,11/01,12/01,13/01,31/01", "Ana Ruiz,off,,,"]).unwrap();
        assert_eq!(l.days.last(), Some(&(4, d("2027-01-31"))));
    }

    #[test]
    fn days_outside_the_period_are_set_aside() {
        let l = layout(&["Name,2027-02-07,2027-02-08", "Ana Ruiz,off,off"]).unwrap();
        assert_eq!(l.days, vec![(1, d("2027-02-07"))]);
        assert_eq!(l.outside, vec!["2027-02-08".to_string()]);
    }

    #[test]
    fn a_sheet_without_days_or_people_is_refused_saying_what_it_needs() {
        let why = layout(&["Name,Notes", "Ana Ruiz,off"]).unwrap_err();
        assert!(
            why.contains("No column of the sheet is headed by a day"),
            "{why}"
        );
        let why = layout(&["Role,2027-01-11", "RN,off"]).unwrap_err();
        assert!(why.contains("naming each person"), "{why}");
        let why = layout(&["Name,2027-01-11,2027-01-11", "Ana,off,off"]).unwrap_err();
        assert!(why.contains("Two columns"), "{why}");
    }
}

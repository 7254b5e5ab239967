//! Whose row it is: by employee number when the sheet has one (leading
//! zeros aside, as payroll systems pad them), else by name as staff write
//! it — "Ana Ruiz", "Ruiz, Ana", "Ana M. Ruiz", accents and case aside.

use crate::error::AppResult;
use crate::search_text::fold;
use rusqlite::Connection;

#[derive(Debug, Clone)]
pub(super) struct Person {
    pub id: i64,
    pub employee_no: String,
    pub first: String,
    pub last: String,
    pub hire_date: String,
    pub last_day: Option<String>,
}

impl Person {
    pub fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// Everyone on the roster, leavers included (a leaver's row is refused
/// with the reason rather than reported unknown).
pub(super) fn roster(conn: &Connection) -> AppResult<Vec<Person>> {
    let mut stmt = conn.prepare(
        "SELECT id, employee_no, first_name, last_name, hire_date, termination_date
         FROM staff ORDER BY last_name, first_name, id",
    )?;
    let people = stmt
        .query_map([], |r| {
            Ok(Person {
                id: r.get(0)?,
                employee_no: r.get(1)?,
                first: r.get(2)?,
                last: r.get(3)?,
                hire_date: r.get(4)?,
                last_day: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(people)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Found {
    One(usize),
    /// Nobody on the roster: the row is someone else's.
    Unknown,
    /// The row cannot be trusted to anyone: the reason.
    Unclear(String),
}

fn same_number(a: &str, b: &str) -> bool {
    let a = a.trim();
    let b = b.trim();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(a) && digits(b) {
        a.trim_start_matches('0') == b.trim_start_matches('0')
    } else {
        fold(a) == fold(b)
    }
}

/// Words of a name, folded, without dots and commas.
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn named(p: &Person, written: &str) -> bool {
    let first = words(&p.first);
    let last = words(&p.last);
    if let Some((l, f)) = written.split_once(',') {
        // "Ruiz, Ana" and "Ruiz, Ana M."
        return words(l) == last && words(f).starts_with(&first);
    }
    let w = words(written);
    let both = [first.clone(), last.clone()].concat();
    let reversed = [last.clone(), first.clone()].concat();
    // "Ana Ruiz", "Ruiz Ana", and "Ana M. Ruiz" with a middle initial.
    w == both
        || w == reversed
        || (w.len() == both.len() + 1 && w.starts_with(&first) && w.ends_with(&last))
}

/// The person a row names by `number`, `name` or `first` + `last` (any may
/// be empty).
pub(super) fn find(roster: &[Person], number: &str, name: &str) -> Found {
    let by_name = || -> Vec<usize> {
        if words(name).is_empty() {
            return Vec::new();
        }
        (0..roster.len())
            .filter(|&i| named(&roster[i], name))
            .collect()
    };
    if !number.trim().is_empty() {
        let Some(i) = roster
            .iter()
            .position(|p| same_number(&p.employee_no, number))
        else {
            return Found::Unknown;
        };
        let names = by_name();
        if !words(name).is_empty() && !names.contains(&i) {
            return Found::Unclear(format!(
                "Employee number {number} is {}, but the row says “{name}”; correct one of them.",
                roster[i].name()
            ));
        }
        return Found::One(i);
    }
    match by_name().as_slice() {
        [] => Found::Unknown,
        [i] => Found::One(*i),
        [..] => Found::Unclear(format!(
            "Several people are named {name}; add a column “Employee no” to tell them apart."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, no: &str, first: &str, last: &str) -> Person {
        Person {
            id,
            employee_no: no.into(),
            first: first.into(),
            last: last.into(),
            hire_date: "2020-01-01".into(),
            last_day: None,
        }
    }

    fn roster() -> Vec<Person> {
        vec![
            person(1, "001001", "Lucía", "Núñez"),
            person(2, "1002", "Ben", "Ode"),
            person(3, "1003", "Ana", "Ruiz"),
            person(4, "1004", "Ana", "Ruiz"),
        ]
    }

    #[test]
    fn a_number_is_found_with_or_without_leading_zeros() {
        assert_eq!(find(&roster(), "1001", ""), Found::One(0));
        assert_eq!(find(&roster(), "001002", ""), Found::One(1));
        assert_eq!(find(&roster(), "9999", ""), Found::Unknown);
    }

    #[test]
    fn a_name_is_found_as_staff_write_it() {
        for written in [
            "Lucia Nunez",
            "NÚÑEZ, Lucía",
            "Nunez Lucia",
            "Lucía M. Núñez",
            "Núñez, Lucía M.",
        ] {
            assert_eq!(find(&roster(), "", written), Found::One(0), "{written}");
        }
        assert_eq!(find(&roster(), "", "Lucy Nunez"), Found::Unknown);
    }

    #[test]
    fn two_people_of_one_name_need_the_number() {
        assert!(matches!(find(&roster(), "", "Ana Ruiz"), Found::Unclear(_)));
        assert_eq!(find(&roster(), "1004", "Ana Ruiz"), Found::One(3));
    }

    #[test]
    fn a_number_and_a_name_that_disagree_are_unclear() {
        let Found::Unclear(why) = find(&roster(), "1002", "Lucía Núñez") else {
            panic!("1002 is Ben Ode");
        };
        assert!(why.contains("Ben Ode"), "{why}");
    }
}

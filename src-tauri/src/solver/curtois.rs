//! Reads the Curtois & Qu shift-scheduling benchmark format
//! (schedulingbenchmarks.org, "nurse rostering", Instance1–24): plain text in
//! `SECTION_…` blocks of comma-separated lines, `#` comments.
//!
//! The format has no skills: a person who may not work a shift type has a
//! maximum of 0 for it. It has no total shift limits either, so those are
//! 0..=days.

use super::model::{Contract, Cover, Model, Request, RequestKind, Shift, Staff};
use std::collections::HashMap;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("missing section {0}")]
    MissingSection(&'static str),
    #[error("line {line}: {reason}")]
    Malformed { line: usize, reason: String },
}

const SECTIONS: [&str; 7] = [
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
];

/// A data line: its 1-based number and its comma-separated fields.
struct Line<'a> {
    number: usize,
    fields: Vec<&'a str>,
}

impl Line<'_> {
    fn error(&self, reason: impl Into<String>) -> ParseError {
        ParseError::Malformed {
            line: self.number,
            reason: reason.into(),
        }
    }

    fn expect_fields(&self, count: usize, what: &str) -> Result<(), ParseError> {
        if self.fields.len() == count {
            Ok(())
        } else {
            Err(self.error(format!(
                "{what} needs {count} fields, found {}",
                self.fields.len()
            )))
        }
    }

    fn number(&self, index: usize, what: &str) -> Result<u32, ParseError> {
        let text = self.fields.get(index).copied().unwrap_or("");
        whole_number(text).map_err(|reason| self.error(format!("{what}: {text:?} {reason}")))
    }
}

/// A count, length or weight as the format's files write it: digits, with
/// an optional sign, so `-0` (in the published files) and `+5` are read as
/// 0 and 5; leading zeros are fine. A negative value other than zero means
/// nothing here and is refused.
fn whole_number(text: &str) -> Result<u32, &'static str> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("is not a whole number");
    }
    let value = digits
        .trim_start_matches('0')
        .parse::<u32>()
        .or_else(|e| match e.kind() {
            std::num::IntErrorKind::Empty => Ok(0),
            _ => Err("is too large"),
        })?;
    if negative && value != 0 {
        return Err("is negative");
    }
    Ok(value)
}

pub fn parse(text: &str) -> Result<Model, ParseError> {
    let mut sections: HashMap<&str, Vec<Line>> = HashMap::new();
    let mut current: Option<&str> = None;
    // A byte-order mark, as some editors save, is not part of the first line.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let number = index + 1;
        if line.starts_with("SECTION_") {
            let name =
                SECTIONS
                    .iter()
                    .find(|s| **s == line)
                    .ok_or_else(|| ParseError::Malformed {
                        line: number,
                        reason: format!("unknown section {line}"),
                    })?;
            current = Some(name);
            sections.entry(name).or_default();
            continue;
        }
        let section = current.ok_or_else(|| ParseError::Malformed {
            line: number,
            reason: "data before the first SECTION_ header".into(),
        })?;
        let fields = line.split(',').map(str::trim).collect();
        sections
            .entry(section)
            .or_default()
            .push(Line { number, fields });
    }
    let section = |name: &'static str| {
        sections
            .get(name)
            .map(Vec::as_slice)
            .ok_or(ParseError::MissingSection(name))
    };

    let days = match section("SECTION_HORIZON")? {
        [line] => line.number(0, "horizon")? as usize,
        _ => return Err(ParseError::MissingSection("SECTION_HORIZON")),
    };
    if days == 0 {
        return Err(ParseError::Malformed {
            line: section("SECTION_HORIZON")?[0].number,
            reason: "the horizon must be at least one day".into(),
        });
    }
    let shift_lines = section("SECTION_SHIFTS")?;
    let mut shift_index = HashMap::new();
    for (i, line) in shift_lines.iter().enumerate() {
        if shift_index.insert(line.fields[0], i).is_some() {
            return Err(line.error(format!("shift {} defined twice", line.fields[0])));
        }
    }
    let find_shift = |line: &Line, id: &str| {
        shift_index
            .get(id)
            .copied()
            .ok_or_else(|| line.error(format!("unknown shift {id:?}")))
    };
    let mut shifts = Vec::new();
    for line in shift_lines {
        if !(2..=3).contains(&line.fields.len()) {
            return Err(line.error("a shift needs: id, minutes, shifts that cannot follow"));
        }
        let forbidden = line.fields.get(2).copied().unwrap_or("");
        let forbidden_next = forbidden
            .split('|')
            .filter(|s| !s.trim().is_empty())
            .map(|id| find_shift(line, id.trim()))
            .collect::<Result<_, _>>()?;
        shifts.push(Shift {
            id: line.fields[0].to_string(),
            minutes: line.number(1, "shift length")?,
            forbidden_next,
            forbidden_after_gap: Vec::new(),
        });
    }

    let mut staff = Vec::new();
    let mut staff_index = HashMap::new();
    for line in section("SECTION_STAFF")? {
        line.expect_fields(8, "a staff line")?;
        let mut max_per_shift = vec![days as u32; shifts.len()];
        for entry in line.fields[1].split('|').filter(|e| !e.is_empty()) {
            let (id, max) = entry
                .split_once('=')
                .ok_or_else(|| line.error(format!("{entry:?} is not SHIFT=MAX")))?;
            let max = whole_number(max.trim())
                .map_err(|reason| line.error(format!("{entry:?}: the maximum {reason}")))?;
            max_per_shift[find_shift(line, id.trim())?] = max;
        }
        let id = line.fields[0];
        if staff_index.insert(id, staff.len()).is_some() {
            return Err(line.error(format!("employee {id} defined twice")));
        }
        staff.push(Staff {
            id: id.to_string(),
            contract: Contract {
                max_per_shift,
                min_shifts: 0,
                max_shifts: days as u32,
                max_minutes: line.number(2, "max total minutes")?,
                min_minutes: line.number(3, "min total minutes")?,
                max_consecutive_work: line.number(4, "max consecutive shifts")?,
                min_consecutive_work: line.number(5, "min consecutive shifts")?,
                min_consecutive_off: line.number(6, "min consecutive days off")?,
                max_weekends: line.number(7, "max weekends")?,
                windows: Vec::new(),
                weekend_windows: Vec::new(),
            },
            skills: Vec::new(),
            days_off: Vec::new(),
            fixed: Vec::new(),
            unavailable: Vec::new(),
            target: None,
        });
    }
    let find_staff = |line: &Line, id: &str| {
        staff_index
            .get(id)
            .copied()
            .ok_or_else(|| line.error(format!("unknown employee {id:?}")))
    };
    let day = |line: &Line, index: usize| {
        let day = line.number(index, "day")? as usize;
        if day < days {
            Ok(day)
        } else {
            Err(line.error(format!("day {day} is outside the horizon of {days} days")))
        }
    };

    for line in section("SECTION_DAYS_OFF")? {
        let person = find_staff(line, line.fields[0])?;
        // A trailing comma leaves an empty field: no day.
        for index in (1..line.fields.len()).filter(|&i| !line.fields[i].is_empty()) {
            let d = day(line, index)?;
            staff[person].days_off.push(d);
        }
    }
    let mut requests = Vec::new();
    for (name, kind) in [
        ("SECTION_SHIFT_ON_REQUESTS", RequestKind::On),
        ("SECTION_SHIFT_OFF_REQUESTS", RequestKind::Off),
    ] {
        for line in section(name)? {
            line.expect_fields(4, "a request")?;
            requests.push(Request {
                staff: find_staff(line, line.fields[0])?,
                day: day(line, 1)?,
                shift: find_shift(line, line.fields[2])?,
                kind,
                weight: line.number(3, "weight")?,
            });
        }
    }
    let mut cover = Vec::new();
    for line in section("SECTION_COVER")? {
        line.expect_fields(5, "a cover line")?;
        cover.push(Cover {
            day: day(line, 0)?,
            shift: find_shift(line, line.fields[1])?,
            skill: None,
            requirement: line.number(2, "requirement")?,
            under_weight: line.number(3, "weight for under")?,
            over_weight: line.number(4, "weight for over")?,
        });
    }
    Ok(Model {
        days,
        shifts,
        staff,
        requests,
        cover,
    })
}

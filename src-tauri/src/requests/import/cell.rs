//! One cell of a sign-up sheet: what a person asks of that day.
//!
//! The layout (also in the README and the import dialog):
//! - empty: no request;
//! - `off` (or `x`, `o`, `RO`, `req off`, `unavailable`, `PTO`, `vacation`):
//!   to be off;
//! - a shift's code or name (`D`, `N`, `Night`), or its start (`7a`,
//!   `19:00`): to work that shift;
//! - `any` (or `work`, `avail`, `yes`, `✓`): to work, any shift;
//! - how much it matters: `!!` or `must`, `!` or `strong`, `?` or `nice`;
//!   unmarked requests count as the import's choice (nice to have unless
//!   the manager says strong);
//! - a note in brackets: `off (wedding)`.
//!
//! A shift's code wins over the words above, so a department whose shift
//! is coded `O` or `A` gets that shift.

use crate::requests::{RequestKind, RequestPriority};
use crate::search_text::fold;
use rusqlite::Connection;

/// A shift type as a sheet may name it.
#[derive(Debug, Clone)]
pub(super) struct Shift {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// Minutes after midnight.
    pub start: i64,
}

/// The department's shift types, by start then code.
pub(super) fn shifts(conn: &Connection) -> rusqlite::Result<Vec<Shift>> {
    let mut stmt =
        conn.prepare("SELECT id, code, name, start FROM shift_type ORDER BY start, code")?;
    let rows = stmt.query_map([], |r| {
        let start: String = r.get(3)?;
        Ok(Shift {
            id: r.get(0)?,
            code: r.get(1)?,
            name: r.get(2)?,
            start: start_minute(&start).unwrap_or(-1),
        })
    })?;
    rows.collect()
}

/// What a cell asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Asked {
    pub kind: RequestKind,
    pub shift_type_id: Option<i64>,
    pub priority: RequestPriority,
    pub note: String,
}

const OFF: &[&str] = &[
    "off",
    "x",
    "o",
    "ro",
    "r/o",
    "req off",
    "request off",
    "day off",
    "do",
    "no",
    "n/a",
    "na",
    "unavailable",
    "not available",
    "cannot work",
    "can't work",
    "cant work",
];
/// Off because of planned leave: kept as an off request with the word as
/// its note, so the manager sees why.
const LEAVE: &[&str] = &["pto", "vac", "vacation", "holiday", "leave", "al"];
const ANY: &[&str] = &[
    "any",
    "a",
    "work",
    "w",
    "yes",
    "y",
    "avail",
    "available",
    "can work",
    "ok",
    "✓",
    "✔",
    "v",
];

/// The request in `text`; `None` for an empty cell; the reason when it
/// is not one.
pub(super) fn read(
    text: &str,
    shifts: &[Shift],
    unmarked: RequestPriority,
) -> Result<Option<Asked>, String> {
    let raw = text.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let (body, note) = split_note(raw)?;
    let (core, marked) = priority(&body);
    let priority = marked.unwrap_or(unmarked);
    let core = core.split_whitespace().collect::<Vec<_>>().join(" ");
    if core.is_empty() {
        return Err(format!(
            "“{raw}” says how much but not what: write off, a shift or any."
        ));
    }
    let asked = |kind, shift_type_id, note: String| {
        Ok(Some(Asked {
            kind,
            shift_type_id,
            priority,
            note,
        }))
    };
    if let Some(id) = shift(&core, shifts)? {
        return asked(RequestKind::Work, Some(id), note);
    }
    let word = fold(&core);
    if OFF.contains(&word.as_str()) {
        return asked(RequestKind::Off, None, note);
    }
    if LEAVE.contains(&word.as_str()) {
        let note = if note.is_empty() {
            core
        } else {
            format!("{core}: {note}")
        };
        return asked(RequestKind::Off, None, note);
    }
    if ANY.contains(&word.as_str()) {
        return asked(RequestKind::Work, None, note);
    }
    let codes = shifts
        .iter()
        .map(|s| s.code.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Err(format!(
        "“{raw}” is not a request: write off, a shift ({codes}) or any, with ! for strong, \
         !! for must or ? for nice to have."
    ))
}

/// The cell without its bracketed note, and the note.
fn split_note(raw: &str) -> Result<(String, String), String> {
    let Some(open) = raw.find('(') else {
        return Ok((raw.to_string(), String::new()));
    };
    let Some(close) = raw.rfind(')').filter(|c| *c > open) else {
        return Err(format!("“{raw}” opens a bracket it does not close."));
    };
    let note = raw[open + 1..close].trim().to_string();
    let body = format!("{} {}", &raw[..open], &raw[close + 1..]);
    Ok((body, note))
}

/// The cell without its priority marks, and the priority they give.
fn priority(body: &str) -> (String, Option<RequestPriority>) {
    let bangs = body.matches('!').count();
    let asks = body.matches('?').count();
    let mut found = match (bangs, asks) {
        (0, 0) => None,
        (1, 0) => Some(RequestPriority::Strong),
        (_, 0) => Some(RequestPriority::Must),
        _ => Some(RequestPriority::Nice),
    };
    let mut kept = Vec::new();
    let unmarked = body.replace(['!', '?'], " ");
    for word in unmarked.split_whitespace() {
        let folded = fold(word);
        match folded.trim_matches(|c: char| !c.is_alphanumeric()) {
            "must" | "essential" => found = Some(RequestPriority::Must),
            "strong" | "important" | "priority" => found = Some(RequestPriority::Strong),
            "nice" | "pref" | "preferred" | "prefer" | "maybe" => {
                found = Some(RequestPriority::Nice)
            }
            _ => kept.push(word),
        }
    }
    (kept.join(" "), found)
}

/// The shift `core` names by code, name (or plural: "nights") or start
/// ("7a", "7pm", "19:00"); an error when a start fits several.
fn shift(core: &str, shifts: &[Shift]) -> Result<Option<i64>, String> {
    let word = fold(core);
    let by = |f: &dyn Fn(&Shift) -> bool| shifts.iter().find(|s| f(s)).map(|s| s.id);
    if let Some(id) = by(&|s| fold(&s.code) == word) {
        return Ok(Some(id));
    }
    let singular = word.strip_suffix('s').unwrap_or(&word);
    if let Some(id) = by(&|s| fold(&s.name) == word || fold(&s.name) == singular) {
        return Ok(Some(id));
    }
    let Some(minute) = start_minute(&word) else {
        return Ok(None);
    };
    let starting: Vec<&Shift> = shifts.iter().filter(|s| s.start == minute).collect();
    match starting.as_slice() {
        [] => Err(format!("No shift starts at {core}.")),
        [one] => Ok(Some(one.id)),
        several => Err(format!(
            "Several shifts start at {core} ({}): write the shift's code.",
            several
                .iter()
                .map(|s| s.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// "7a", "7 am", "7p", "7pm", "19:00", "0700" as minutes after midnight.
fn start_minute(word: &str) -> Option<i64> {
    let compact: String = word.chars().filter(|c| !c.is_whitespace()).collect();
    let (clock, half) = if let Some(t) = compact.strip_suffix("am").or(compact.strip_suffix('a')) {
        (t, Some(false))
    } else if let Some(t) = compact.strip_suffix("pm").or(compact.strip_suffix('p')) {
        (t, Some(true))
    } else {
        (compact.as_str(), None)
    };
    let (h, m) = match clock.split_once(':') {
        Some((h, m)) => (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?),
        None if clock.len() == 4 && half.is_none() => {
            (clock[..2].parse().ok()?, clock[2..].parse().ok()?)
        }
        // A bare number is a day or a count, not a time.
        None if half.is_some() => (clock.parse().ok()?, 0),
        None => return None,
    };
    if !(0..60).contains(&m) {
        return None;
    }
    let h = match half {
        Some(pm) if (1..=12).contains(&h) => h % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None if (0..24).contains(&h) => h,
        None => return None,
    };
    Some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift_type(id: i64, code: &str, name: &str, start: i64) -> Shift {
        Shift {
            id,
            code: code.into(),
            name: name.into(),
            start: start * 60,
        }
    }

    fn shifts() -> Vec<Shift> {
        vec![
            shift_type(1, "D", "Day", 7),
            shift_type(2, "N", "Night", 19),
        ]
    }

    fn asked(text: &str) -> Asked {
        read(text, &shifts(), RequestPriority::Nice)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .unwrap_or_else(|| panic!("{text} asks something"))
    }

    #[test]
    fn an_empty_cell_asks_nothing() {
        assert_eq!(read("  ", &shifts(), RequestPriority::Nice), Ok(None));
    }

    #[test]
    fn off_is_written_many_ways() {
        for text in [
            "off",
            "OFF",
            "x",
            "X",
            "RO",
            "Req Off",
            "unavailable",
            "n/a",
        ] {
            let a = asked(text);
            assert_eq!(
                (a.kind, a.shift_type_id),
                (RequestKind::Off, None),
                "{text}"
            );
        }
        let pto = asked("PTO");
        assert_eq!((pto.kind, pto.note.as_str()), (RequestKind::Off, "PTO"));
    }

    #[test]
    fn a_shift_is_named_by_code_name_plural_or_start() {
        for (text, id) in [
            ("D", 1),
            ("n", 2),
            ("Night", 2),
            ("nights", 2),
            ("7a", 1),
            ("7 AM", 1),
            ("7p", 2),
            ("19:00", 2),
            ("0700", 1),
        ] {
            let a = asked(text);
            assert_eq!(
                (a.kind, a.shift_type_id),
                (RequestKind::Work, Some(id)),
                "{text}"
            );
        }
        assert!(read("3p", &shifts(), RequestPriority::Nice)
            .unwrap_err()
            .contains("No shift starts"));
    }

    #[test]
    fn any_shift_is_a_request_to_work() {
        for text in ["any", "Work", "avail", "yes", "✓"] {
            let a = asked(text);
            assert_eq!(
                (a.kind, a.shift_type_id),
                (RequestKind::Work, None),
                "{text}"
            );
        }
    }

    #[test]
    fn marks_and_words_set_the_priority_and_unmarked_takes_the_choice() {
        assert_eq!(asked("off").priority, RequestPriority::Nice);
        assert_eq!(asked("off!").priority, RequestPriority::Strong);
        assert_eq!(asked("!!off").priority, RequestPriority::Must);
        assert_eq!(asked("N?").priority, RequestPriority::Nice);
        assert_eq!(asked("off must").priority, RequestPriority::Must);
        assert_eq!(asked("Strong: off").priority, RequestPriority::Strong);
        let strong = read("off", &shifts(), RequestPriority::Strong)
            .unwrap()
            .unwrap();
        assert_eq!(strong.priority, RequestPriority::Strong);
    }

    #[test]
    fn a_bracketed_note_is_kept() {
        let a = asked("off! (sister's wedding)");
        assert_eq!(
            (a.kind, a.priority, a.note.as_str()),
            (
                RequestKind::Off,
                RequestPriority::Strong,
                "sister's wedding"
            )
        );
    }

    #[test]
    fn a_shift_code_wins_over_the_words() {
        let mut s = shifts();
        s.push(shift_type(3, "O", "On call", 0));
        let a = read("O", &s, RequestPriority::Nice).unwrap().unwrap();
        assert_eq!((a.kind, a.shift_type_id), (RequestKind::Work, Some(3)));
    }

    #[test]
    fn what_is_not_a_request_is_refused_with_the_codes() {
        for text in ["Eve", "off D", "!", "(note only)", "off (open"] {
            let why = read(text, &shifts(), RequestPriority::Nice).unwrap_err();
            assert!(!why.is_empty(), "{text}");
        }
        let why = read("Eve", &shifts(), RequestPriority::Nice).unwrap_err();
        assert!(why.contains("D, N"), "{why}");
    }
}

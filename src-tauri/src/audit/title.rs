//! A history entry's title, saying what happened in a few words: "Ana Ruiz:
//! hourly rate", "Shift added 12 Jan 2026 N Night", "Backup made by hand",
//! rather than the same "Department changed" for every entry.

use super::{HistoryAction, HistoryChange};
use serde_json::Value;

/// How many changed fields a title names before it counts the rest.
const FIELDS: usize = 3;

/// What the title is made of: the entry as the list reads it.
pub struct Entry<'a> {
    pub table: &'a str,
    /// What sort of record ("Shift", "Staff record").
    pub what: &'a str,
    pub label: &'a str,
    pub action: HistoryAction,
    /// An event of the whole department (a backup, a restore, an import): no before.
    pub event: bool,
    /// The record as the entry left it (or as it was, for a removal).
    pub state: Option<&'a str>,
    pub changes: &'a [HistoryChange],
}

/// "Ana Ruiz" from a staff record's JSON.
fn person(state: &Value) -> Option<String> {
    let part = |k: &str| state.get(k).and_then(Value::as_str).unwrap_or("");
    let name = format!("{} {}", part("first_name"), part("last_name"));
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// "2026-01-12" → "12 Jan 2026".
fn day(state: &Value) -> Option<String> {
    let date = state.get("date").and_then(Value::as_str)?;
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%-d %b %Y").to_string())
}

/// The fields changed, as words: "hourly rate, FTE and 2 more".
fn fields(changes: &[HistoryChange]) -> String {
    let names: Vec<String> = changes
        .iter()
        .map(|c| {
            let f = &c.field;
            // "Hourly rate" → "hourly rate"; "FTE" stays as it is.
            if f.chars().skip(1).any(char::is_uppercase) {
                f.clone()
            } else {
                f.to_lowercase()
            }
        })
        .collect();
    match names.len() {
        0 => String::new(),
        n if n <= FIELDS => names.join(", "),
        n => format!(
            "{} and {} more",
            names[..FIELDS - 1].join(", "),
            n - (FIELDS - 1)
        ),
    }
}

pub fn title(e: &Entry<'_>) -> String {
    if e.event {
        // "Backup made by hand: wardbook-….db" → "Backup made by hand"; the
        // whole text is the entry's label, shown under it.
        // A colon inside a time ("09:43") is not the end of the head.
        let end = [": ", "; "]
            .iter()
            .filter_map(|sep| e.label.find(sep))
            .min()
            .unwrap_or(e.label.len());
        let head = e.label[..end].trim();
        return if head.is_empty() {
            "Department event".into()
        } else {
            head.to_string()
        };
    }
    let state: Value = e
        .state
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    let subject = match (e.table, person(&state)) {
        ("staff", Some(name)) => name,
        _ if e.label.is_empty() => e.what.to_string(),
        _ => e.label.to_string(),
    };
    match e.action {
        HistoryAction::Changed => {
            let f = fields(e.changes);
            if f.is_empty() {
                format!("{subject} changed")
            } else if e.table == "staff" || e.label.is_empty() {
                format!("{subject}: {f}")
            } else {
                format!("{}: {f}", e.what)
            }
        }
        HistoryAction::Added | HistoryAction::Removed => {
            let verb = if e.action == HistoryAction::Added {
                "added"
            } else {
                "removed"
            };
            if e.table == "staff" {
                return format!("{subject} {verb}");
            }
            let mut out = format!("{} {verb}", e.what);
            if let Some(d) = day(&state) {
                out.push(' ');
                out.push_str(&d);
            }
            if let Some(shift) = e
                .changes
                .iter()
                .find(|c| c.field == "Shift")
                .and_then(|c| c.after.as_ref().or(c.before.as_ref()))
            {
                out.push(' ');
                out.push_str(shift);
            }
            out
        }
    }
}

/// `text` cut to at most about `max` characters at a word's end, with "…"
/// when anything was left off: never in the middle of a word (a single word
/// longer than `max` is kept whole).
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut kept = String::new();
    let mut taken = 0;
    for word in &words {
        let longer = kept.chars().count() + usize::from(!kept.is_empty()) + word.chars().count();
        if longer > max && !kept.is_empty() {
            break;
        }
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(word);
        taken += 1;
    }
    if taken == words.len() {
        return kept;
    }
    let kept = kept.trim_end_matches([',', ';', ':', '.', '(', '—', '-']);
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_sentence_is_shortened_at_a_word_end() {
        let said = "1 record found changed outside Wardbook and added to the history: \
                    James Kim's hourly rate was changed outside Wardbook: $48.00 → $52.00.";
        let short = shorten(said, 80);
        assert_eq!(
            short,
            "1 record found changed outside Wardbook and added to the history: James Kim's…"
        );
        assert!(said.starts_with(short.trim_end_matches('…')));
        assert_eq!(shorten("Backup made by hand", 80), "Backup made by hand");
        // The boundary: exactly `max` is kept whole, one more is shortened.
        assert_eq!(shorten("abc def", 7), "abc def");
        assert_eq!(shorten("abc defg", 7), "abc…");
        assert_eq!(
            shorten("abcdefghij", 4),
            "abcdefghij",
            "one word is kept whole"
        );
        assert_eq!(shorten("abcdefghij klm", 4), "abcdefghij…");
    }

    fn change(field: &str, before: Option<&str>, after: Option<&str>) -> HistoryChange {
        HistoryChange {
            field: field.into(),
            before: before.map(str::to_string),
            after: after.map(str::to_string),
        }
    }

    #[test]
    fn a_persons_change_names_them_and_the_fields() {
        let changes = [change("Hourly rate", Some("$48.00"), Some("$52.00"))];
        let t = title(&Entry {
            table: "staff",
            what: "Staff record",
            label: "Ruiz, Ana",
            action: HistoryAction::Changed,
            event: false,
            state: Some(r#"{"first_name":"Ana","last_name":"Ruiz"}"#),
            changes: &changes,
        });
        assert_eq!(t, "Ana Ruiz: hourly rate");
    }

    #[test]
    fn many_fields_are_counted_past_three() {
        let changes: Vec<HistoryChange> = ["FTE", "Hourly rate", "Role", "Notes"]
            .iter()
            .map(|f| change(f, Some("a"), Some("b")))
            .collect();
        assert_eq!(fields(&changes), "FTE, hourly rate and 2 more");
        assert_eq!(fields(&changes[..3]), "FTE, hourly rate, role");
    }

    #[test]
    fn a_shift_added_says_its_day_and_shift() {
        let changes = [
            change("Person", None, Some("Ruiz, Ana")),
            change("Shift", None, Some("N Night")),
        ];
        let t = title(&Entry {
            table: "assignment",
            what: "Shift",
            label: "Ruiz, Ana — 2026-01-12",
            action: HistoryAction::Added,
            event: false,
            state: Some(r#"{"date":"2026-01-12","staff_id":7}"#),
            changes: &changes,
        });
        assert_eq!(t, "Shift added 12 Jan 2026 N Night");
    }

    #[test]
    fn an_event_is_titled_by_what_happened_not_department_changed() {
        let t = title(&Entry {
            table: "department",
            what: "Department",
            label: "Backup made by hand: wardbook-20260112-101500-manual.db",
            action: HistoryAction::Changed,
            event: true,
            state: None,
            changes: &[],
        });
        assert_eq!(t, "Backup made by hand");
    }

    #[test]
    fn a_record_without_fields_changed_still_says_which() {
        let t = title(&Entry {
            table: "holiday",
            what: "Holiday",
            label: "New Year (2026-01-01)",
            action: HistoryAction::Changed,
            event: false,
            state: None,
            changes: &[],
        });
        assert_eq!(t, "New Year (2026-01-01) changed");
    }

    #[test]
    fn an_event_title_keeps_the_time_in_its_head() {
        let e = Entry {
            table: "",
            what: "",
            label:
                "Restored the backup of 2026-12-07 09:43; the department as it was is kept as x.db",
            action: HistoryAction::Added,
            event: true,
            state: None,
            changes: &[],
        };
        assert_eq!(title(&e), "Restored the backup of 2026-12-07 09:43");
        let e = Entry {
            label: "Backup made by hand: wardbook-20261207-0943.db",
            ..e
        };
        assert_eq!(title(&e), "Backup made by hand");
    }
}

//! A refused record of a department file named the way the manager sees it
//! ("Staff Aisha Zhang", "Shift type 2 (Night)"), its field as the history
//! names it, and the schema's rules said as sentences: a refusal never shows
//! a table or column name, or SQL.

use super::document::Document;
use serde_json::Value;
use std::collections::HashMap;

/// Who the file's staff are, so a credential or a shift is named by its person.
pub struct Names {
    staff: HashMap<i64, String>,
}

/// Text from the file as it may be shown: no hidden characters, not too long.
pub fn shown(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() && !crate::input::is_direction_control(*c))
        .collect();
    let clean = clean.trim();
    match clean.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &clean[..at]),
        None => clean.to_string(),
    }
}

fn cell<'a>(columns: &[String], row: &'a [Value], column: &str) -> Option<&'a Value> {
    columns
        .iter()
        .position(|c| c == column)
        .and_then(|i| row.get(i))
}

fn text(columns: &[String], row: &[Value], column: &str) -> Option<String> {
    cell(columns, row, column)
        .and_then(Value::as_str)
        .map(shown)
        .filter(|t| !t.is_empty())
}

/// What one record of `table` is called ("Shift type", "Staff").
pub fn kind(table: &str) -> String {
    match table {
        "staff" => "Staff".into(),
        "audit_log" => "History entry".into(),
        "audit_seal" => "Seal of history entry".into(),
        "audit_chain_key" => "History key".into(),
        "audit_pending" => "Pending history entry".into(),
        "audit_baseline" => "History's description of a record".into(),
        _ => crate::audit::kind_of(table).1,
    }
}

/// A field as the history names it, to follow a comma ("hourly rate", "FTE").
pub fn field(column: &str) -> String {
    if column == "id" || column == "rowid" {
        return "number".into();
    }
    let name = crate::audit::humanize(column);
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        // An acronym keeps its capitals.
        (Some(_), Some(second)) if second.is_uppercase() => name,
        _ => {
            let mut chars = name.chars();
            chars
                .next()
                .map(|f| f.to_lowercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        }
    }
}

impl Names {
    pub fn new(doc: &Document) -> Self {
        let mut staff = HashMap::new();
        if let Some(t) = doc.tables.iter().find(|t| t.name == "staff") {
            for row in &t.rows {
                let id = cell(&t.columns, row, "id").and_then(Value::as_i64);
                let first = text(&t.columns, row, "first_name");
                let last = text(&t.columns, row, "last_name");
                if let (Some(id), Some(first), Some(last)) = (id, first, last) {
                    staff.insert(id, format!("{first} {last}"));
                }
            }
        }
        Names { staff }
    }

    /// Row `index` (0-based) of `table`, as the manager would name it.
    pub fn record(&self, table: &str, columns: &[String], row: &[Value], index: usize) -> String {
        if table == "staff" {
            if let (Some(first), Some(last)) = (
                text(columns, row, "first_name"),
                text(columns, row, "last_name"),
            ) {
                return format!("Staff {first} {last}");
            }
        }
        let mut name = kind(table);
        let id = cell(columns, row, "id").and_then(Value::as_i64);
        if let Some(id) = id {
            name.push_str(&format!(" {id}"));
        }
        let own = ["name", "vendor", "code", "account", "number"]
            .iter()
            .find_map(|c| text(columns, row, c));
        let person = cell(columns, row, "staff_id")
            .and_then(Value::as_i64)
            .and_then(|id| self.staff.get(&id));
        match (own, person) {
            (Some(own), Some(person)) => name.push_str(&format!(" ({own}, {person})")),
            (Some(own), None) => name.push_str(&format!(" ({own})")),
            (None, Some(person)) => name.push_str(&format!(" of {person}")),
            (None, None) => {}
        }
        if id.is_none() {
            name.push_str(&format!(", record {} of the file", index + 1));
        }
        name
    }
}

/// "an overtime rule", "a kind".
fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A moment or a day: compared as "before" and "after".
fn is_time(column: &str) -> bool {
    column == "date"
        || column.ends_with("_date")
        || column.ends_with("_at")
        || column.ends_with("_on")
        || column.starts_with("clock_")
        || column.ends_with("_since")
}

fn hundredths(n: i64) -> String {
    format!("{}.{:02}", n / 100, n % 100)
}

fn range(column: &str, lo: i64, hi: i64) -> String {
    let f = field(column);
    match column {
        "weekday" => return format!("{f} must be a day of the week"),
        "month" => return "the month must be one of the 12 months of the fiscal year".into(),
        _ => {}
    }
    if column.ends_with("_minutes") {
        if lo % 60 == 0 && hi % 60 == 0 {
            return format!("{f} must be between {} and {} hours", lo / 60, hi / 60);
        }
        return format!("{f} must be between {lo} and {hi} minutes");
    }
    if column.ends_with("_hundredths") {
        return format!(
            "{f} must be between {} and {}",
            hundredths(lo),
            hundredths(hi)
        );
    }
    format!("{f} must be between {lo} and {hi}")
}

/// A rule of the schema (the text of a CHECK) as a sentence, with the
/// record's `value` of its first field where the sentence names it.
pub fn rule(table: &str, expr: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let e = expr.trim();
    let general = "its values do not fit together as Wardbook keeps them".to_string();
    // `a = 'v' OR b IS NULL`: b is only kept when a is v ("a shift is named
    // only by a request to work").
    if let Some((cond, rest)) = e.split_once(" OR ") {
        if let (Some((a, v)), Some(b)) = (cond.split_once(" = '"), rest.strip_suffix(" IS NULL")) {
            if let (true, true, Some(v)) =
                (is_identifier(a), is_identifier(b), v.strip_suffix('\''))
            {
                return format!("{} is only kept when {} is “{v}”", field(b), field(a));
            }
        }
    }
    // `a IS NULL OR …`: an empty field is allowed; the rest is the rule.
    if let Some((a, rest)) = e.split_once(" IS NULL OR ") {
        if is_identifier(a) {
            if let Some((flag, "1")) = rest.split_once(" = ") {
                if is_identifier(flag) && flag != a {
                    return format!("{} is only kept when {} is set", field(a), field(flag));
                }
            }
            return rule(table, rest, value);
        }
    }
    if let Some((a, b)) = e.split_once(" IS NOT NULL OR ") {
        if let Some(b) = b.strip_suffix(" IS NOT NULL") {
            return format!("it needs a {} or a {}", field(a), field(b));
        }
    }
    if let Some(pair) = e
        .strip_prefix('(')
        .and_then(|e| e.strip_suffix(" IS NULL)"))
    {
        if let Some((a, b)) = pair.split_once(" IS NULL) <> (") {
            return format!("it needs a {} or a {}, not both", field(a), field(b));
        }
    }
    if let Some((a, rest)) = e.split_once(" BETWEEN ") {
        if let Some((lo, hi)) = rest.split_once(" AND ") {
            if let (true, Ok(lo), Ok(hi)) = (is_identifier(a), lo.parse(), hi.parse()) {
                return range(a, lo, hi);
            }
        }
    }
    if let Some((a, list)) = e.split_once(" IN (") {
        let items: Vec<&str> = list.trim_end_matches(')').split(", ").collect();
        if !is_identifier(a) {
            return general;
        }
        if items == ["0", "1"] {
            return format!("{} must be yes or no", field(a));
        }
        if items.iter().all(|i| i.starts_with('\'')) {
            return match value(a).map(|v| shown(&v)).filter(|v| !v.is_empty()) {
                Some(v) => format!("“{v}” is not {} Wardbook knows", with_article(&field(a))),
                None => format!("{} is not one Wardbook knows", field(a)),
            };
        }
        let (last, rest) = items.split_last().expect("split gives one item at least");
        return format!("{} must be {} or {last}", field(a), rest.join(", "));
    }
    if let Some((a, _)) = e.split_once(" GLOB ") {
        return format!("{} must be a date (YYYY-MM-DD)", field(a));
    }
    if let Some(a) = e.strip_suffix(" <> ''") {
        return format!("{} cannot be empty", field(a));
    }
    for op in [" >= ", " > ", " < ", " = "] {
        let Some((a, b)) = e.split_once(op) else {
            continue;
        };
        if !is_identifier(a) || !is_identifier(b) {
            break;
        }
        let (fa, fb) = (field(a), field(b));
        if let Ok(n) = b.parse::<i64>() {
            return match (op, n) {
                (" >= ", 0) => format!("{fa} cannot be negative"),
                (" = ", 1) if a == "id" => {
                    format!(
                        "a department has only one {} record",
                        kind(table).to_lowercase()
                    )
                }
                (" >= ", n) => format!("{fa} must be at least {n}"),
                (" > ", n) => format!("{fa} must be more than {n}"),
                (" < ", n) => format!("{fa} must be less than {n}"),
                (_, n) => format!("{fa} must be {n}"),
            };
        }
        let times = is_time(a) && is_time(b);
        return match (op, times) {
            (" >= ", true) => format!("{fa} cannot be before the {fb}"),
            (" > ", true) => format!("{fa} must be after the {fb}"),
            (" >= ", false) => format!("{fa} must be at least the {fb}"),
            (" > ", false) => format!("{fa} must be more than the {fb}"),
            (" < ", true) => format!("{fa} must be before the {fb}"),
            (" < ", false) => format!("{fa} must be less than the {fb}"),
            _ => general,
        };
    }
    general
}

/// Why SQLite refused a record, from its error text, as a sentence.
pub fn refusal(error: &str, table: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let fields = |list: &str| -> String {
        let names: Vec<String> = list
            .split(", ")
            .map(|q| field(q.rsplit('.').next().unwrap_or(q)))
            .collect();
        names.join(" and ")
    };
    if let Some(list) = error.strip_prefix("UNIQUE constraint failed: ") {
        return format!(
            "another record of the file has the same {} (a duplicate)",
            fields(list)
        );
    }
    if let Some(list) = error.strip_prefix("NOT NULL constraint failed: ") {
        return format!("{} is missing", fields(list));
    }
    if let Some(expr) = error.strip_prefix("CHECK constraint failed: ") {
        return rule(table, expr, value);
    }
    if error.contains("datatype mismatch") {
        return "its number is not a whole number".into();
    }
    "it cannot be stored as it is in the file".into()
}

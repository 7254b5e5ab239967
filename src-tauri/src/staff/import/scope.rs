//! Which rows of a file are this department's, and the few sentences the
//! preview says about choices that apply to every row.

use super::employment::Rule;
use super::roles::key;
use super::ValueCount;
use crate::staff::EmploymentType;
use crate::units::Fte;
use std::collections::HashMap;

/// The distinct values of the department column, in file order, counted.
pub fn departments<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<ValueCount> {
    let mut out: Vec<ValueCount> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for v in values.into_iter().map(str::trim) {
        match at.get(&key(v)) {
            Some(&i) => out[i].rows += 1,
            None => {
                at.insert(key(v), out.len());
                out.push(ValueCount {
                    value: v.to_string(),
                    rows: 1,
                });
            }
        }
    }
    out
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// This department's value: the one naming the department (its name in
/// Settings; a value that name contains, "4 West" in "4 West Medical";
/// or one abbreviating its words, "4 West Med/Surg" for "4 West
/// Medical-Surgical"), else the value most rows have (an export is
/// usually run for one unit, with a few transfers in and out).
pub fn guess_department(values: &[ValueCount], name: &str) -> Option<String> {
    let name_words = words(name);
    let name = key(name);
    let abbreviates = |value: &str| {
        let w = words(value);
        !w.is_empty()
            && w.iter()
                .all(|w| name_words.iter().any(|n| n.starts_with(w.as_str())))
    };
    let named = |v: &&ValueCount| {
        let k = key(&v.value);
        !k.is_empty()
            && !name.is_empty()
            && (k == name || name.contains(&k) || k.contains(&name) || abbreviates(&v.value))
    };
    values
        .iter()
        .find(|v| key(&v.value) == name && !name.is_empty())
        .or_else(|| values.iter().find(named))
        .or_else(|| {
            // The first of the most frequent, so a tie goes to the file's order.
            let most = values.iter().map(|v| v.rows).max()?;
            values.iter().find(|v| v.rows == most)
        })
        .map(|v| v.value.clone())
}

/// Whether a row's department value is the chosen one.
pub fn same_department(value: &str, chosen: &str) -> bool {
    key(value) == key(chosen)
}

/// How new people's employment type is decided, in a sentence.
pub fn employment_note(rule: Rule) -> String {
    match rule {
        Rule::Fte {
            full_time_min,
            per_diem_max,
        } => format!(
            "The file has no employment type: new people get one from their FTE — {} or more is {}, {} or less is {}, anything between is {}. People already on the roster keep theirs.",
            Fte(full_time_min).text(),
            EmploymentType::FullTime.label().to_lowercase(),
            Fte(per_diem_max).text(),
            EmploymentType::PerDiem.label().to_lowercase(),
            EmploymentType::PartTime.label().to_lowercase(),
        ),
        Rule::One(t) => format!(
            "The file has no employment type: every new person is {}. People already on the roster keep theirs.",
            t.label().to_lowercase()
        ),
    }
}

/// "a first name", "an employment type", "an FTE", "an hourly rate".
pub fn with_article(label: &str) -> String {
    let lower = label.to_lowercase();
    // Said with a vowel sound: vowels, letter names like "F" in FTE, a silent h.
    let vowel_sound = lower.starts_with(['a', 'e', 'i', 'o'])
        || lower.starts_with("fte")
        || lower.starts_with("hour")
        || (lower.starts_with('u') && !lower.starts_with("uni"));
    let article = if vowel_sound { "an" } else { "a" };
    if label.chars().all(|c| c.is_uppercase()) {
        format!("{article} {label}")
    } else {
        format!("{article} {lower}")
    }
}

/// "a, b and c".
pub fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(values: &[&str]) -> Vec<ValueCount> {
        departments(values.iter().copied())
    }

    #[test]
    fn the_department_named_in_settings_wins_over_the_most_rows() {
        let v = counts(&["4 East", "4 West Med/Surg", "4 East", "4 East"]);
        assert_eq!(
            guess_department(&v, "4 West").as_deref(),
            Some("4 West Med/Surg")
        );
        assert_eq!(
            guess_department(&v, "Pediatrics").as_deref(),
            Some("4 East"),
            "no value names the department: the most frequent"
        );
        assert_eq!(guess_department(&[], "4 West"), None);
        let v = counts(&["5 East Oncology", "5 East Oncology", "4 West Med/Surg"]);
        assert_eq!(
            guess_department(&v, "4 West Medical-Surgical").as_deref(),
            Some("4 West Med/Surg"),
            "abbreviated words name the department"
        );
        assert_eq!(
            guess_department(&v, "4 North Medical").as_deref(),
            Some("5 East Oncology"),
            "“4 West” is not “4 North”"
        );
        let tie = counts(&["ICU", "4W", "ICU", "4W"]);
        assert_eq!(
            guess_department(&tie, "").as_deref(),
            Some("ICU"),
            "a tie: the first"
        );
    }

    #[test]
    fn department_values_are_one_whatever_their_case_and_spaces() {
        let v = counts(&["4W-6010", "4w 6010", "ICU"]);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].rows, 2);
        assert!(same_department(" 4w-6010", "4W 6010"));
        assert!(!same_department("4W-6011", "4W-6010"));
    }

    #[test]
    fn articles_follow_the_sound() {
        let cases = [
            ("Employment type", "an employment type"),
            ("FTE", "an FTE"),
            ("Hourly rate", "an hourly rate"),
            ("Hire date", "a hire date"),
            ("First name", "a first name"),
            ("Role", "a role"),
        ];
        for (label, said) in cases {
            assert_eq!(with_article(label), said);
        }
        let items = ["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(listed(&items), "a, b and c");
        assert_eq!(listed(&items[..1]), "a");
    }
}

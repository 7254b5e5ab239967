//! What was found wrong in a file a restore replaces, for the restore's own
//! history entry: a warning seen only on the screen (an outside edit, a
//! broken chain, a cut) would otherwise survive only in the kept copy.

use super::DepartmentFile;

/// The warnings of the department file `file` (its history's and its
/// records'), without the advice on what to choose, as one clause of the
/// restore's entry; `None` when it had none.
pub fn warnings(file: &DepartmentFile) -> Option<String> {
    let parts: Vec<String> = [file.history_warning(), file.outside_changes()]
        .into_iter()
        .flatten()
        .map(without_advice)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(format!(
        "before the restore, Wardbook had found this in the department file it replaced: {}",
        parts.join(" ")
    ))
}

/// `said` without its sentences of advice ("Choose “…” to …, or restore a backup.").
fn without_advice(said: &str) -> String {
    let mut out = said.to_string();
    while let Some(start) = out.find("Choose “") {
        let rest = &out[start..];
        let end = rest
            .find("restore a backup")
            .and_then(|i| rest[i..].find('.').map(|j| start + i + j + 1))
            .unwrap_or(out.len());
        out.replace_range(start..end, "");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::without_advice;

    #[test]
    fn the_advice_to_choose_is_left_out_and_the_finding_kept() {
        let said = "The newest 2 history entries were removed. Choose “Note the cut in the \
                    history” to carry on, or restore a backup. Another finding.";
        assert_eq!(
            without_advice(said),
            "The newest 2 history entries were removed. Another finding."
        );
    }
}

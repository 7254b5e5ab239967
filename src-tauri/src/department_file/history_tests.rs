//! The department file and the change history: the key stays home, an
//! import keeps the department's history and adds itself as one sealed
//! entry, and the file's own history is carried over only when it checks
//! with this department's key.

use super::document::to_json;
use super::tests::{entries, exported, intact, records, rewritten, sample, staged};
use super::*;
use crate::store;
use rusqlite::types::ValueRef;

#[test]
fn the_file_name_in_the_history_holds_nothing_invisible() {
    let doc = parse(exported(&sample()).as_bytes()).unwrap();
    let file = stage(&doc, "hand\u{202E}nosj.over\u{7}.json").unwrap();
    assert_eq!(file.file_name, "handnosj.over.json");
}

#[test]
fn a_new_computer_takes_the_department_with_its_history_said_to_be_unchecked() {
    let conn = sample();
    let key: Vec<u8> = conn
        .query_row("SELECT key FROM audit_chain_key", [], |r| r.get(0))
        .unwrap();
    let theirs = entries(&conn);
    let text = exported(&conn);

    // An empty data folder, as on a new computer: nothing of its own yet.
    let mut fresh = store::open_in_memory().unwrap();
    assert!(entries(&fresh).is_empty());
    let file = staged(text.as_bytes());
    let (before, _) = history::check(&fresh, &file).unwrap();
    assert_eq!(before.status, FileHistoryStatus::Unchecked);
    assert!(
        before
            .message
            .contains("comes with the department, but it could not be checked"),
        "{}",
        before.message
    );
    for hidden in ["key", "seal", "fingerprint"] {
        assert!(
            !before.message.contains(hidden),
            "{hidden}: {}",
            before.message
        );
    }
    let done = import_into(&mut fresh, &file, false, None).unwrap();
    assert_eq!(done.history.carried_over, theirs.len() as i64);
    let after = entries(&fresh);
    assert_eq!(
        after[..theirs.len()],
        theirs[..],
        "the whole history came along"
    );
    assert_eq!(after.len(), theirs.len() + 1, "and the import after it");
    assert!(
        after.last().unwrap().1.ends_with(
            "carried over without being checked (only the department it came from can check it)"
        ),
        "{:?}",
        after.last()
    );
    assert!(
        intact(&fresh),
        "sealed anew here, the import chained after it"
    );
    let own: Vec<u8> = fresh
        .query_row("SELECT key FROM audit_chain_key", [], |r| r.get(0))
        .unwrap();
    assert_ne!(own, key, "the file's key never came with it");
    // Later saves keep the chain.
    fresh
        .execute("UPDATE staff SET first_name = 'Moved' WHERE id = 1", [])
        .unwrap();
    assert!(intact(&fresh));

    // The same file with an entry altered in it cannot be told apart here:
    // it comes along, and the import's entry says it was not checked.
    let forged = rewritten(&conn, |d| {
        let t = d.tables.iter_mut().find(|t| t.name == "audit_log").unwrap();
        let i = t.columns.iter().position(|c| c == "label").unwrap();
        t.rows[3][i] = "Nothing happened".into();
    });
    let mut fresh = store::open_in_memory().unwrap();
    let done = import_into(&mut fresh, &staged(&forged), false, None).unwrap();
    assert_eq!(done.history.status, FileHistoryStatus::Unchecked);
    assert!(entries(&fresh)
        .last()
        .unwrap()
        .1
        .contains("carried over without being checked"));
    assert!(intact(&fresh));
}

#[test]
fn an_import_keeps_the_departments_history_and_adds_one_sealed_entry() {
    // Another department's file: its history cannot be checked here.
    let other = sample();
    other
        .execute("UPDATE staff SET first_name = 'Other' WHERE id = 1", [])
        .unwrap();
    let file = staged(exported(&other).as_bytes());
    let file_entries = entries(&file.conn).len();
    let mut live = sample();
    live.execute("UPDATE staff SET last_name = 'Ours' WHERE id = 2", [])
        .unwrap();
    let ours = entries(&live);
    assert!(ours.len() > 1);
    let done = import_into(&mut live, &file, true, None).unwrap();
    let after = entries(&live);
    assert_eq!(
        after[..ours.len()],
        ours[..],
        "our history is kept as it was"
    );
    let changed: Vec<String> = live
        .prepare("SELECT table_name || ' ' || record_key FROM audit_log WHERE id > ?1 ORDER BY id")
        .unwrap()
        .query_map([ours.last().unwrap().0], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        changed.contains(&"staff 1".to_string()) && changed.contains(&"staff 2".to_string()),
        "what the file changes is in the history: {changed:?}"
    );
    let label = &after.last().unwrap().1;
    assert!(
        label.starts_with("Department file imported: handover.wardbook.json, 55 staff, 3 schedule periods, 1 fiscal year;"),
        "{label}"
    );
    assert!(
        label.ends_with(&format!("its history ({} entries) left out", file_entries)),
        "{label}"
    );
    assert!(intact(&live), "the chain verifies with the import in it");
    assert_eq!(done.kept_history_entries, ours.len() as i64);
    assert_eq!(done.history.status, FileHistoryStatus::Unverified);
    assert_eq!(done.history.carried_over, 0);
    assert!(
        done.history.message.contains(
            "is another department's record, or cannot be checked here, so it is not added"
        ),
        "{}",
        done.history.message
    );
    assert_eq!(
        records(&live),
        records(&file.conn),
        "the records are the file's"
    );
    // The entry reads in the history like any other.
    let page = crate::audit::list(
        &live,
        &crate::audit::HistoryQuery {
            limit: 1,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(&page.entries[0].label, label);
    assert_eq!(page.entries[0].kind, crate::audit::HistoryKind::Department);
}

#[test]
fn a_file_of_this_department_is_checked_with_its_key_and_its_new_entries_carried_over() {
    let mut live = sample();
    // An older copy of this department (as a backup restored elsewhere would be).
    let mut older = store::open_in_memory().unwrap();
    {
        let backup = rusqlite::backup::Backup::new(&live, &mut older).unwrap();
        backup
            .run_to_completion(100, std::time::Duration::ZERO, None)
            .unwrap();
    }
    live.execute("UPDATE staff SET last_name = 'Later' WHERE id = 2", [])
        .unwrap();
    let text = exported(&live);
    let later = entries(&live);

    // Into the older copy: the entries it lacks come with their seals.
    let done = import_into(&mut older, &staged(text.as_bytes()), true, None).unwrap();
    assert_eq!(done.history.status, FileHistoryStatus::Verified);
    assert_eq!(done.history.carried_over, 1, "{}", done.history.message);
    assert!(
        done.history
            .message
            .contains("the 1 entry this department did not have yet was added"),
        "{}",
        done.history.message
    );
    let merged = entries(&older);
    assert_eq!(merged[..later.len()], later[..]);
    assert_eq!(
        merged.len(),
        later.len() + 2,
        "the entry carried over, what the import changed (the same rename), the import"
    );
    assert!(intact(&older));

    // A copy that went its own way after the file was made: its own entries stay.
    let mut apart = store::open_in_memory().unwrap();
    {
        let backup = rusqlite::backup::Backup::new(&older, &mut apart).unwrap();
        backup
            .run_to_completion(100, std::time::Duration::ZERO, None)
            .unwrap();
    }
    let newer = exported(&older);
    apart
        .execute("UPDATE staff SET last_name = 'Apart' WHERE id = 4", [])
        .unwrap();
    older
        .execute("UPDATE staff SET last_name = 'Onward' WHERE id = 5", [])
        .unwrap();
    let newer_file = staged(exported(&older).as_bytes());
    drop(newer);
    let own = entries(&apart);
    let done = import_into(&mut apart, &newer_file, true, None).unwrap();
    assert_eq!(done.history.status, FileHistoryStatus::Verified);
    assert_eq!(done.history.carried_over, 0);
    assert!(
        done.history
            .message
            .contains("went apart from this department's history after entry")
            && done
                .history
                .message
                .contains("its 1 later entry is not added"),
        "{}",
        done.history.message
    );
    assert_eq!(entries(&apart)[..own.len()], own[..]);
    assert_eq!(
        entries(&apart).len(),
        own.len() + 3,
        "two records the import changed back and forth, and the import"
    );
    assert!(intact(&apart));

    // Into the department itself: all of it is already there.
    live.execute("UPDATE staff SET last_name = 'Since' WHERE id = 3", [])
        .unwrap();
    let done = import_into(&mut live, &staged(text.as_bytes()), true, None).unwrap();
    assert_eq!(done.history.status, FileHistoryStatus::Verified);
    assert_eq!(done.history.carried_over, 0);
    assert!(
        done.history
            .message
            .contains("already part of this department's history"),
        "{}",
        done.history.message
    );
    assert!(intact(&live));
}

#[test]
fn a_history_rewritten_in_the_file_is_found_and_left_out() {
    let mut live = sample();
    let ours = entries(&live);
    // The label of one entry rewritten, the checksum recomputed.
    let forged = rewritten(&live, |d| {
        let t = d.tables.iter_mut().find(|t| t.name == "audit_log").unwrap();
        let i = t.columns.iter().position(|c| c == "label").unwrap();
        t.rows[3][i] = "Nothing happened".into();
    });
    let file = staged(&forged);
    let (summary_history, _) = history::check(&live, &file).unwrap();
    assert_eq!(summary_history.status, FileHistoryStatus::Altered);
    let done = import_into(&mut live, &file, true, None).unwrap();
    assert_eq!(done.history.status, FileHistoryStatus::Altered);
    assert!(
        done.history
            .message
            .contains("was altered from entry 4 on after the file was exported"),
        "{}",
        done.history.message
    );
    let after = entries(&live);
    assert_eq!(after[..ours.len()], ours[..], "the true history stays");
    assert!(!after.iter().any(|(_, l)| l == "Nothing happened"));
    assert!(intact(&live));

    // A forger who reseals the file's history with a key of their own, and
    // writes that key into the file as older files did, gets "cannot be checked".
    let mut forged_key = sample();
    let other_key: Vec<u8> = forged_key
        .query_row("SELECT key FROM audit_chain_key", [], |r| r.get(0))
        .unwrap();
    let file = rewritten(&forged_key, |d| {
        d.history_key = None;
        let t = d
            .tables
            .iter_mut()
            .find(|t| t.name == "audit_chain_key")
            .unwrap();
        t.rows = vec![vec![1.into(), to_json(ValueRef::Blob(&other_key))]];
    });
    let done = import_into(&mut forged_key, &staged(&file), true, None).unwrap();
    assert_eq!(
        done.history.status,
        FileHistoryStatus::Unverified,
        "a key carried in the file is never used: nothing names it as this department's"
    );
    let done = import_into(&mut live, &staged(&file), true, None).unwrap();
    assert_eq!(done.history.status, FileHistoryStatus::Unverified);
    assert!(intact(&live));
}

#[test]
fn a_file_whose_seals_were_removed_is_refused_for_that() {
    let mut conn = sample();
    let file = rewritten(&conn, |d| {
        let t = d
            .tables
            .iter_mut()
            .find(|t| t.name == "audit_seal")
            .unwrap();
        assert!(!t.rows.is_empty(), "the sample's history is sealed");
        t.rows.clear();
    });
    let message = super::tests::refused(&file);
    assert!(message.contains("seals"), "{message}");
    assert!(
        !message.contains("key"),
        "the key was never in it: {message}"
    );
    assert!(message.ends_with("Nothing was imported."), "{message}");
    // One seal left is an altered history, imported but not carried over.
    let file = rewritten(&conn, |d| {
        let t = d
            .tables
            .iter_mut()
            .find(|t| t.name == "audit_seal")
            .unwrap();
        t.rows.truncate(1);
    });
    let done = import_into(&mut conn, &staged(&file), true, None).unwrap();
    assert_eq!(done.history.status, FileHistoryStatus::Altered);
}

#[test]
fn a_file_edited_by_hand_leaves_its_changes_in_the_history() {
    let mut live = sample();
    let (id, last, rate): (i64, String, i64) = live
        .query_row(
            "SELECT id, last_name, hourly_rate_cents FROM staff ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    // A name and a pay rate changed in the file, the checksum recomputed.
    let edited = rewritten(&live, |d| {
        let t = d.tables.iter_mut().find(|t| t.name == "staff").unwrap();
        let col = |name: &str| t.columns.iter().position(|c| c == name).unwrap();
        let (i_id, i_last, i_rate) = (col("id"), col("last_name"), col("hourly_rate_cents"));
        let row = t
            .rows
            .iter_mut()
            .find(|r| r[i_id] == serde_json::json!(id))
            .unwrap();
        row[i_last] = "Forged".into();
        row[i_rate] = serde_json::json!(rate + 10_000);
    });
    let before = entries(&live).len();
    import_into(&mut live, &staged(&edited), true, None).unwrap();
    let page = crate::audit::list(
        &live,
        &crate::audit::HistoryQuery {
            staff_id: Some(id),
            limit: 50,
            ..Default::default()
        },
    )
    .unwrap();
    let change = page
        .entries
        .iter()
        .find(|e| e.id as usize > before && e.table == "staff")
        .expect("the import's change of the person is in their history");
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = change
        .changes
        .iter()
        .map(|c| (c.field.as_str(), c.before.as_deref(), c.after.as_deref()))
        .collect();
    assert!(
        fields.contains(&("Last name", Some(last.as_str()), Some("Forged"))),
        "{fields:?}"
    );
    assert!(
        fields.iter().any(|(f, b, a)| *f == "Hourly rate" && b != a),
        "{fields:?}"
    );
    assert_eq!(fields.len(), 2, "only what changed: {fields:?}");
    let added = entries(&live);
    assert_eq!(
        added.len(),
        before + 2,
        "one entry for the person, one for the import: {:?}",
        &added[before..]
    );
    assert!(added
        .last()
        .unwrap()
        .1
        .starts_with("Department file imported"));
    assert!(intact(&live));

    // The same file again changes nothing, and says only that it was imported.
    let again = entries(&live).len();
    let same = exported(&live);
    import_into(&mut live, &staged(same.as_bytes()), true, None).unwrap();
    assert_eq!(entries(&live).len(), again + 1);
}

#[test]
fn the_history_key_does_not_travel_in_the_file() {
    let live = sample();
    let key: Vec<u8> = live
        .query_row("SELECT key FROM audit_chain_key", [], |r| r.get(0))
        .unwrap();
    let text = exported(&live);
    let doc = parse(text.as_bytes()).unwrap();
    let table = doc
        .tables
        .iter()
        .find(|t| t.name == "audit_chain_key")
        .unwrap();
    assert!(table.rows.is_empty(), "the key's table goes empty");
    let encoded = to_json(ValueRef::Blob(&key));
    let encoded = encoded["base64"].as_str().unwrap();
    assert!(!text.contains(encoded), "no key bytes");
    assert_eq!(
        doc.history_key.as_deref(),
        Some(crate::audit::chain::key_id(&key).as_str()),
        "only its one-way name"
    );
}

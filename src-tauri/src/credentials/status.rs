//! Credential status for a given day: compliant, expiring within 90 days,
//! expired, or required but missing.

use super::{Credential, CredentialStatus, CredentialType, ExpiredAction};
use crate::staff::Role;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// A credential expiring within this many days is flagged.
pub const EXPIRING_WITHIN_DAYS: i64 = 90;

/// A credential is valid through its expiry date and expired the day after.
pub fn credential_status(expires_on: Option<NaiveDate>, today: NaiveDate) -> CredentialStatus {
    match expires_on {
        None => CredentialStatus::Compliant,
        Some(expiry) if expiry < today => CredentialStatus::Expired,
        Some(expiry) if (expiry - today).num_days() <= EXPIRING_WITHIN_DAYS => {
            CredentialStatus::Expiring
        }
        Some(_) => CredentialStatus::Compliant,
    }
}

/// One row of a person's credential list: a record they hold, or a required one they lack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CredentialLine {
    pub type_id: i64,
    pub type_name: String,
    pub required: bool,
    pub when_expired: ExpiredAction,
    pub credential: Option<Credential>,
    pub status: CredentialStatus,
    /// Days until expiry (negative once expired).
    pub days_left: Option<i64>,
}

/// A person's credentials at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CredentialSummary {
    /// The worst status among the lines.
    pub status: CredentialStatus,
    pub expired: i64,
    pub missing: i64,
    pub expiring: i64,
    /// The soonest expiry date among the records held.
    pub next_expiry: Option<String>,
    /// The credential that decides the status ("BLS" of "BLS expires in 9 days").
    pub worst_type: Option<String>,
    /// Its days to expiry (negative once expired; none when missing).
    pub worst_days_left: Option<i64>,
}

/// Each credential type that concerns a person: the record they hold (if
/// any), its status and expiry. Shared by the detail lines and the roster summary.
fn concerning<'a>(
    role: Role,
    types: &'a [CredentialType],
    held: &'a [Credential],
    today: NaiveDate,
) -> impl Iterator<
    Item = (
        &'a CredentialType,
        Option<&'a Credential>,
        CredentialStatus,
        Option<NaiveDate>,
    ),
> + 'a {
    types.iter().filter_map(move |t| {
        let credential = held.iter().find(|c| c.type_id == t.id);
        let expiry = credential
            .and_then(|c| c.expires_on.as_deref())
            .and_then(|d| crate::input::date(d).ok());
        let status = match credential {
            Some(_) => credential_status(expiry, today),
            None if t.required_for.contains(&role) => CredentialStatus::Missing,
            None => return None,
        };
        Some((t, credential, status, expiry))
    })
}

/// Lines for one person: every type they hold, plus required types they lack.
pub fn lines_for(
    role: Role,
    types: &[CredentialType],
    held: &[Credential],
    today: NaiveDate,
) -> Vec<CredentialLine> {
    concerning(role, types, held, today)
        .map(|(t, credential, status, expiry)| CredentialLine {
            type_id: t.id,
            type_name: t.name.clone(),
            required: t.required_for.contains(&role),
            when_expired: t.when_expired,
            credential: credential.cloned(),
            status,
            days_left: expiry.map(|e| (e - today).num_days()),
        })
        .collect()
}

/// A person's credentials at a glance, for the roster.
pub fn summary_for(
    role: Role,
    types: &[CredentialType],
    held: &[Credential],
    today: NaiveDate,
) -> CredentialSummary {
    let mut summary = CredentialSummary {
        status: CredentialStatus::Compliant,
        expired: 0,
        missing: 0,
        expiring: 0,
        next_expiry: None,
        worst_type: None,
        worst_days_left: None,
    };
    // The line that decides the status: the worst, then the soonest to expire.
    let mut worst: Option<(CredentialStatus, Option<NaiveDate>, &str)> = None;
    for (t, credential, status, expiry) in concerning(role, types, held, today) {
        match status {
            CredentialStatus::Expired => summary.expired += 1,
            CredentialStatus::Missing => summary.missing += 1,
            CredentialStatus::Expiring => summary.expiring += 1,
            CredentialStatus::Compliant => {}
        }
        if let Some(expires_on) = credential.and_then(|c| c.expires_on.as_ref()) {
            if summary.next_expiry.as_ref().is_none_or(|n| expires_on < n) {
                summary.next_expiry = Some(expires_on.clone());
            }
        }
        let candidate = (status, expiry, t.name.as_str());
        if status != CredentialStatus::Compliant
            && worst.is_none_or(|w| (candidate.0, candidate.1) < (w.0, w.1))
        {
            worst = Some(candidate);
        }
    }
    if let Some((status, expiry, name)) = worst {
        summary.status = status;
        summary.worst_type = Some(name.to_string());
        summary.worst_days_left = expiry.map(|e| (e - today).num_days());
    }
    summary
}

/// The summary of lines already built (a person's detail page).
pub fn summarize(lines: &[CredentialLine]) -> CredentialSummary {
    let count = |s: CredentialStatus| lines.iter().filter(|l| l.status == s).count() as i64;
    let worst = lines
        .iter()
        .filter(|l| l.status != CredentialStatus::Compliant)
        .min_by_key(|l| (l.status, l.days_left.is_none(), l.days_left));
    CredentialSummary {
        status: worst.map_or(CredentialStatus::Compliant, |l| l.status),
        expired: count(CredentialStatus::Expired),
        missing: count(CredentialStatus::Missing),
        expiring: count(CredentialStatus::Expiring),
        next_expiry: lines
            .iter()
            .filter_map(|l| l.credential.as_ref()?.expires_on.clone())
            .min(),
        worst_type: worst.map(|l| l.type_name.clone()),
        worst_days_left: worst.and_then(|l| l.days_left),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        crate::input::date(s).unwrap()
    }

    #[test]
    fn status_boundaries_around_today() {
        let today = day("2026-11-27");
        let cases = [
            (
                None,
                CredentialStatus::Compliant,
                "no expiry date never expires",
            ),
            (
                Some("2026-11-26"),
                CredentialStatus::Expired,
                "expired yesterday",
            ),
            (
                Some("2026-11-27"),
                CredentialStatus::Expiring,
                "valid through its expiry day",
            ),
            (
                Some("2027-02-25"),
                CredentialStatus::Expiring,
                "exactly 90 days out is within 90 days",
            ),
            (
                Some("2027-02-26"),
                CredentialStatus::Compliant,
                "91 days out is compliant",
            ),
        ];
        for (expiry, expected, why) in cases {
            assert_eq!(credential_status(expiry.map(day), today), expected, "{why}");
        }
    }

    fn bls(required_for: Vec<Role>) -> CredentialType {
        CredentialType {
            id: 1,
            name: "BLS".into(),
            required_for,
            renewal_months: Some(24),
            when_expired: ExpiredAction::Block,
            holders: 0,
        }
    }

    fn held(expires_on: &str) -> Credential {
        Credential {
            id: 9,
            staff_id: 1,
            type_id: 1,
            number: "X".into(),
            issued_on: None,
            expires_on: Some(expires_on.into()),
            verified_on: None,
        }
    }

    #[test]
    fn required_but_missing_is_flagged_only_for_the_roles_that_need_it() {
        let today = day("2026-11-27");
        let lines = lines_for(Role::Rn, &[bls(vec![Role::Rn])], &[], today);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].status, CredentialStatus::Missing);
        assert!(
            lines_for(Role::UnitClerk, &[bls(vec![Role::Rn])], &[], today).is_empty(),
            "a clerk does not need BLS here"
        );
    }

    #[test]
    fn summary_takes_the_worst_and_counts_each_kind() {
        let today = day("2026-11-27");
        let types = vec![
            bls(vec![Role::Rn]),
            CredentialType {
                id: 2,
                name: "ACLS".into(),
                ..bls(vec![Role::Rn])
            },
        ];
        let lines = lines_for(Role::Rn, &types, &[held("2026-12-01")], today);
        let summary = summarize(&lines);
        assert_eq!(
            summary.status,
            CredentialStatus::Missing,
            "missing ACLS is worse than BLS expiring"
        );
        assert_eq!(
            (summary.expired, summary.missing, summary.expiring),
            (0, 1, 1)
        );
        assert_eq!(summary.next_expiry.as_deref(), Some("2026-12-01"));
        assert_eq!(lines[0].days_left, Some(4));
    }

    #[test]
    fn roster_summary_agrees_with_the_detail_lines() {
        let today = day("2026-11-27");
        let types = vec![
            bls(vec![Role::Rn]),
            CredentialType {
                id: 2,
                name: "ACLS".into(),
                ..bls(vec![Role::Rn])
            },
        ];
        for held_set in [
            vec![],
            vec![held("2026-12-01")],
            vec![held("2026-11-01")],
            vec![held("2030-01-01")],
        ] {
            let lines = lines_for(Role::Rn, &types, &held_set, today);
            assert_eq!(
                summary_for(Role::Rn, &types, &held_set, today),
                summarize(&lines),
                "{held_set:?}"
            );
        }
    }

    #[test]
    fn the_worst_credential_names_the_problem() {
        let today = day("2026-11-27");
        let summary = summarize(&lines_for(
            Role::Rn,
            &[bls(vec![Role::Rn])],
            &[held("2026-11-17")],
            today,
        ));
        assert_eq!(summary.worst_type.as_deref(), Some("BLS"));
        assert_eq!(summary.worst_days_left, Some(-10), "expired ten days ago");
        let fine = summarize(&lines_for(
            Role::Rn,
            &[bls(vec![Role::Rn])],
            &[held("2030-01-01")],
            today,
        ));
        assert_eq!(
            (fine.worst_type, fine.worst_days_left),
            (None, None),
            "nothing to flag"
        );
    }

    #[test]
    fn nothing_required_and_nothing_held_is_compliant() {
        assert_eq!(summarize(&[]).status, CredentialStatus::Compliant);
    }
}

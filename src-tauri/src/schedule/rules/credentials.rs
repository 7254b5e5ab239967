//! Expired credentials, as of each shift's date: a credential valid through
//! 30 Nov does not stop a shift on 30 Nov but does on 1 Dec. Each credential
//! type says whether it blocks scheduling or only warns.

use super::{cells, RuleCode, Severity, Timeline, Violation};
use crate::credentials::ExpiredAction;
use crate::schedule::format;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    let mut out = Vec::new();
    for person in &tl.people {
        let Some(facts) = person.facts else { continue };
        for credential in &facts.credentials {
            let lapsed: Vec<_> = person
                .shifts
                .iter()
                .filter(|w| w.in_period && credential.lapsed_on(w.date()))
                .collect();
            if lapsed.is_empty() {
                continue;
            }
            let dates: Vec<_> = lapsed.iter().map(|w| w.date()).collect();
            let what = match credential.expires_on {
                Some(expiry) => format!(
                    "{}'s {} expired on {}",
                    person.name,
                    credential.name,
                    format::day(expiry)
                ),
                None => format!("{} has no {} on record", person.name, credential.name),
            };
            out.push(Violation {
                rule: RuleCode::Credential,
                severity: match credential.when_expired {
                    ExpiredAction::Block => Severity::Block,
                    ExpiredAction::Warn => Severity::Warn,
                },
                message: format!("{what}; scheduled on {}.", format::days(&dates)),
                cells: cells(lapsed),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;
    use crate::schedule::CredentialFact;

    fn bls(expires_on: Option<&str>, when_expired: ExpiredAction) -> Vec<Violation> {
        let mut c = with(
            ctx(),
            &[(MARIA, "2026-12-15", DAY), (MARIA, "2026-12-16", DAY)],
        );
        c.staff[0].credentials.push(CredentialFact {
            name: "BLS".into(),
            expires_on: expires_on.map(day),
            when_expired,
        });
        check(&Timeline::new(&c))
    }

    #[test]
    fn a_credential_is_valid_through_its_expiry_day() {
        let v = bls(Some("2026-12-15"), ExpiredAction::Block);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].cells.len(), 1, "15 Dec is fine; 16 Dec is not");
        assert_eq!(
            v[0].message,
            "Maria Lopez's BLS expired on 15 Dec; scheduled on 16 Dec."
        );
        assert!(
            bls(Some("2026-12-16"), ExpiredAction::Block).is_empty(),
            "valid through 16 Dec"
        );
    }

    #[test]
    fn the_credential_type_decides_block_or_warn() {
        assert_eq!(
            bls(Some("2026-12-01"), ExpiredAction::Block)[0].severity,
            Severity::Block
        );
        assert_eq!(
            bls(Some("2026-12-01"), ExpiredAction::Warn)[0].severity,
            Severity::Warn
        );
        assert_eq!(
            bls(None, ExpiredAction::Warn)[0].message,
            "Maria Lopez has no BLS on record; scheduled on 15 Dec and 16 Dec.",
            "a required credential never held has lapsed on every date"
        );
    }
}

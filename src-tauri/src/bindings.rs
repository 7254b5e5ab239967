//! TypeScript types for the UI, generated from the Rust types.
//!
//! The generated file is committed (`ui/src/lib/bindings.ts`); a test fails when
//! it drifts from the Rust types, and `cargo xtask bindings` rewrites it.

use crate::commands::app::AppStatus;
use crate::credentials::{
    Credential, CredentialInput, CredentialLine, CredentialStatus, CredentialSummary,
    CredentialType, CredentialTypeInput, ExpiredAction,
};
use crate::department::{Department, DepartmentInput, OvertimeRule, UnitType};
use crate::error::{AppError, ErrorCode, FieldError};
use crate::staff::{
    EmploymentType, Role, Skill, Staff, StaffDetail, StaffInput, StaffQuery, StaffRow, StaffSort,
    StatusFilter,
};
use crate::trainings::{DueStatus, DueSummary, Training, TrainingInput, TrainingKind};
use ts_rs::{Config, TS};

/// Where the generated file lives, relative to the workspace root.
pub const BINDINGS_PATH: &str = "ui/src/lib/bindings.ts";

fn decl<T: TS>(cfg: &Config, out: &mut String) {
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push_str("\n\n");
}

/// `export const ROLE: { code: Role; label: string }[]`, in the Rust order.
macro_rules! options {
    ($out:ident, $const:literal, $ty:ident) => {{
        $out.push_str(&format!(
            "export const {}: {{ code: {}; label: string }}[] = [\n",
            $const,
            stringify!($ty)
        ));
        for v in $ty::ALL {
            $out.push_str(&format!(
                "  {{ code: {:?}, label: {:?} }},\n",
                v.code(),
                v.label()
            ));
        }
        $out.push_str("];\n\n");
    }};
}

pub fn render() -> String {
    // i64 values (cents, ids) stay far below 2^53, so `number` is exact.
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by `cargo xtask bindings`. Do not edit.\n\n",
    );
    decl::<ErrorCode>(&cfg, &mut out);
    decl::<FieldError>(&cfg, &mut out);
    decl::<AppError>(&cfg, &mut out);
    decl::<AppStatus>(&cfg, &mut out);
    decl::<UnitType>(&cfg, &mut out);
    decl::<OvertimeRule>(&cfg, &mut out);
    decl::<Department>(&cfg, &mut out);
    decl::<DepartmentInput>(&cfg, &mut out);
    decl::<Role>(&cfg, &mut out);
    decl::<EmploymentType>(&cfg, &mut out);
    decl::<Skill>(&cfg, &mut out);
    decl::<Staff>(&cfg, &mut out);
    decl::<StaffInput>(&cfg, &mut out);
    decl::<StatusFilter>(&cfg, &mut out);
    decl::<StaffSort>(&cfg, &mut out);
    decl::<StaffQuery>(&cfg, &mut out);
    decl::<StaffRow>(&cfg, &mut out);
    decl::<StaffDetail>(&cfg, &mut out);
    decl::<ExpiredAction>(&cfg, &mut out);
    decl::<CredentialStatus>(&cfg, &mut out);
    decl::<CredentialType>(&cfg, &mut out);
    decl::<CredentialTypeInput>(&cfg, &mut out);
    decl::<Credential>(&cfg, &mut out);
    decl::<CredentialInput>(&cfg, &mut out);
    decl::<CredentialLine>(&cfg, &mut out);
    decl::<CredentialSummary>(&cfg, &mut out);
    decl::<TrainingKind>(&cfg, &mut out);
    decl::<DueStatus>(&cfg, &mut out);
    decl::<Training>(&cfg, &mut out);
    decl::<TrainingInput>(&cfg, &mut out);
    decl::<DueSummary>(&cfg, &mut out);
    options!(out, "UNIT_TYPES", UnitType);
    options!(out, "OVERTIME_RULES", OvertimeRule);
    options!(out, "ROLES", Role);
    options!(out, "EMPLOYMENT_TYPES", EmploymentType);
    options!(out, "STATUS_FILTERS", StatusFilter);
    options!(out, "STAFF_SORTS", StaffSort);
    options!(out, "EXPIRED_ACTIONS", ExpiredAction);
    options!(out, "CREDENTIAL_STATUSES", CredentialStatus);
    options!(out, "TRAINING_KINDS", TrainingKind);
    options!(out, "DUE_STATUSES", DueStatus);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn committed_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(BINDINGS_PATH)
    }

    /// Fails when the Rust types changed but the UI's copy did not. With
    /// `WARDBOOK_WRITE_BINDINGS=1` (what `cargo xtask bindings` sets) it
    /// rewrites the file instead.
    #[test]
    fn committed_bindings_match_the_rust_types() {
        let fresh = render();
        if std::env::var_os("WARDBOOK_WRITE_BINDINGS").is_some() {
            std::fs::write(committed_path(), &fresh).expect("write bindings");
            return;
        }
        let committed = std::fs::read_to_string(committed_path()).unwrap_or_default();
        assert!(
            committed == fresh,
            "{BINDINGS_PATH} is out of date with the Rust types; run `cargo xtask bindings` and commit the result"
        );
    }

    #[test]
    fn bindings_use_plain_numbers_for_money_and_ids() {
        let ts = render();
        assert!(
            ts.contains("hourly_rate_cents: number"),
            "cents must be a number in TS, not bigint"
        );
        assert!(!ts.contains("bigint"));
        assert!(
            ts.contains("export const ROLES"),
            "option lists come from the Rust enums"
        );
    }
}

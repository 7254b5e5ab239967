//! TypeScript types for the UI, generated from the Rust types, and the
//! commands' TypeScript signatures and capability, generated from the
//! `#[command]` functions.
//!
//! The generated files are committed (`ui/src/lib/bindings.ts`,
//! `src-tauri/capabilities/default.json`); a test fails when they drift from
//! the Rust code, and `cargo xtask bindings` rewrites them.

use crate::attendance::corrections::PunchInput;
use crate::attendance::exceptions::ExceptionKind;
use crate::attendance::import::run::{
    FieldOption, PersonPunches, PunchImportColumns, PunchImportOutcome, PunchImportPreview,
    RowProblem,
};
use crate::attendance::import::{PunchField, PunchMapping};
use crate::attendance::no_show::NoShowAs;
use crate::attendance::payroll::{PayrollLayout, PayrollSaved};
use crate::attendance::period::{PeriodChoice, PeriodChoices};
use crate::attendance::rounding::Rounding;
use crate::attendance::settings::{AttendanceSettings, AttendanceSettingsInput};
use crate::attendance::store::PunchReplace;
use crate::attendance::timecards::{
    ExceptionRow, PayCodeMinutes, PayPeriodView, PeriodSummary, PersonChoice, PunchLine, Timecard,
};
use crate::attendance::worked::{WorkedCell, WorkedMark};
use crate::audit::chain::HistoryCheck;
use crate::audit::{
    HistoryAction, HistoryChange, HistoryEntry, HistoryKind, HistoryPage, HistoryQuery,
};
use crate::budget::account_map::{AccountMap, AccountMapInput, MappedAccount};
use crate::budget::actuals::ActualInput;
use crate::budget::calendar::MonthInfo;
use crate::budget::csv_import::{
    FileCostCentre, ImportChange, ImportColumns, ImportMapping, ImportOutcome, ImportPreview,
    ImportRow, ImportTotal, LineChoice, UnknownAccount,
};
use crate::budget::expenses::{Expense, ExpenseInput, ExpenseQuery};
use crate::budget::figures::{BudgetSheet, MonthCell, SheetLine};
use crate::budget::productivity::{
    HoursSource, LaborCostMonth, PositionLine, ProductivityMonth, ProductivityReport,
};
use crate::budget::targets::{
    FteBudget, FteBudgetInput, Targets, TargetsInput, VolumeInput, VolumeMonth,
};
use crate::budget::variance::{
    ChartMonth, Variance, VarianceFigures, VarianceLine, VarianceReport,
};
use crate::budget::years::FiscalYears;
use crate::budget::{BudgetLine, BudgetLineInput, Category, FiscalYear, FiscalYearInput, Spread};
use crate::commands::app::AppStatus;
use crate::credentials::{
    Credential, CredentialInput, CredentialLine, CredentialStatus, CredentialSummary,
    CredentialType, CredentialTypeInput, ExpiredAction,
};
use crate::csv_file::CsvFile;
use crate::dashboard::attendance::AttendanceGlance;
use crate::dashboard::{
    BudgetGlance, CredentialDue, CredentialsDue, Dashboard, DayStaffing, Gap, Gaps, LineOver,
    NeedCount, OvertimeGlance, ShiftStaffing, TrainingDue, TrainingsDue,
};
use crate::department::{Department, DepartmentInput, OvertimeRule, UnitType};
use crate::department_file::{
    DepartmentFileSummary, DepartmentImportOutcome, ExportOutcome, FileHistory, FileHistoryStatus,
};
use crate::error::{AppError, ErrorCode, FieldError, RefusedCell};
use crate::fill::department::{FillOptions, StaffTo};
use crate::fill::hours::FillHours;
use crate::fill::job::FillEvent;
use crate::fill::requests::FillRequests;
use crate::fill::run::FillProgress;
use crate::fill::runs::FillLast;
use crate::fill::staffing::FillStaffing;
use crate::fill::summary::{FillChange, FillSummary};
use crate::reports::options::{PayPeriod, ReportOptions};
use crate::reports::{Paper, ReportFormat, ReportKind, ReportRequest};
use crate::requests::import::{
    RequestChange, RequestImportOptions, RequestImportOutcome, RequestImportPreview, SheetProblem,
};
use crate::requests::rules::{RequestRules, RequestRulesInput};
use crate::requests::{RequestKind, RequestPriority, StaffRequest, StaffRequestInput};
use crate::schedule::candidates::{Candidate, Excluded};
use crate::schedule::cost::{PeriodCost, PersonCost, ShiftCost};
use crate::schedule::ratios::RatioPreset;
use crate::schedule::store::assignments::AssignOutcome;
use crate::schedule::store::call_outs::CallOutView;
use crate::schedule::store::coverage::CoverageLine;
use crate::schedule::store::parse::DifferentialKind;
use crate::schedule::store::periods::{PeriodStatus, SchedulePeriod, Seed};
use crate::schedule::store::rule_settings::{Holiday, RulesForm, RulesInput};
use crate::schedule::store::shift_types::ShiftTypeInput;
use crate::schedule::store::swaps::{ShiftSwap, SwapInput, SwapPerson, SwapPreview};
use crate::schedule::store::time_off::{TimeOffInput, TimeOffRequest};
use crate::schedule::store::time_off_approval::OverlappingShift;
use crate::schedule::view::{
    CoverageCount, CoverageRow, CoverageStatus, DayInfo, GridCell, GridRow, RowTotals,
    ScheduleView, StaffGroup,
};
use crate::schedule::{
    Cell, Differential, Requirement, RuleCode, Severity, ShiftType, TimeOffKind, TimeOffStatus,
    Violation,
};
use crate::staff::import::{
    DateOrder, EmploymentFrom, EmploymentRule, FieldChange, HrStatus, ImportAction, RoleChoice,
    RoleHow, RoleValue, StaffField, StaffImportColumns, StaffImportMapping, StaffImportOutcome,
    StaffImportPreview, StaffImportRow, StatusChoice, StatusValue, ValueCount,
};
use crate::staff::{
    EmploymentType, Role, Skill, Staff, StaffDetail, StaffInput, StaffQuery, StaffRow, StaffSort,
    StatusFilter,
};
use crate::store::backup::{BackupFile, BackupReason};
use crate::store::passphrase::PassphraseInput;
use crate::store::restore::{BackupSummary, RestoreOutcome};
use crate::store::settings::{StorageSettings, StorageSettingsInput};
use crate::store::summary::RecordCounts;
use crate::trainings::{DueStatus, DueSummary, Training, TrainingInput, TrainingKind};
use ts_rs::{Config, TS};

/// Where the generated file lives, relative to the workspace root.
pub const BINDINGS_PATH: &str = "ui/src/lib/bindings.ts";

/// The window's capability, relative to the workspace root.
pub const CAPABILITY_PATH: &str = "src-tauri/capabilities/default.json";

/// `export interface Commands`: each command's arguments (named as its Rust
/// parameters) and result, so a misspelt command or argument does not compile.
fn commands(cfg: &Config, out: &mut String) {
    out.push_str("/** The arguments of a command that takes none. */\n");
    out.push_str("export type NoArgs = Record<string, never>;\n\n");
    out.push_str("/** Every command the window may call: its arguments and its result. */\n");
    out.push_str("export interface Commands {\n");
    for (name, signature) in crate::commands::signatures() {
        out.push_str(&format!("  {name}: {};\n", signature(cfg)));
    }
    out.push_str("}\n\n");
}

/// The capability of the main window: every command, and nothing else.
pub fn render_capability() -> String {
    let permissions: Vec<String> = crate::COMMANDS
        .iter()
        .map(|name| format!("    \"allow-{}\"", name.replace('_', "-")))
        .collect();
    format!(
        r#"{{
  "$schema": "../gen/schemas/desktop-schema.json",
  "identifier": "default",
  "description": "The main window may call Wardbook's own commands and nothing else: no shell, http or fs plugin. Generated from the #[command] functions by `cargo xtask bindings`.",
  "windows": [
    "main"
  ],
  "permissions": [
{}
  ]
}}
"#,
        permissions.join(",\n")
    )
}

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
        "// Generated from the Rust types by `cargo xtask bindings`. Do not edit.\n\n\
         import type { Channel } from '@tauri-apps/api/core';\n\n",
    );
    decl::<ErrorCode>(&cfg, &mut out);
    decl::<FieldError>(&cfg, &mut out);
    decl::<RefusedCell>(&cfg, &mut out);
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
    decl::<Differential>(&cfg, &mut out);
    decl::<DifferentialKind>(&cfg, &mut out);
    decl::<ShiftType>(&cfg, &mut out);
    decl::<ShiftTypeInput>(&cfg, &mut out);
    decl::<Holiday>(&cfg, &mut out);
    decl::<RulesInput>(&cfg, &mut out);
    decl::<RulesForm>(&cfg, &mut out);
    decl::<Requirement>(&cfg, &mut out);
    decl::<CoverageLine>(&cfg, &mut out);
    decl::<RatioPreset>(&cfg, &mut out);
    decl::<PeriodStatus>(&cfg, &mut out);
    decl::<Seed>(&cfg, &mut out);
    decl::<SchedulePeriod>(&cfg, &mut out);
    decl::<TimeOffKind>(&cfg, &mut out);
    decl::<TimeOffStatus>(&cfg, &mut out);
    decl::<RuleCode>(&cfg, &mut out);
    decl::<Severity>(&cfg, &mut out);
    decl::<Cell>(&cfg, &mut out);
    decl::<Violation>(&cfg, &mut out);
    decl::<ShiftCost>(&cfg, &mut out);
    decl::<PersonCost>(&cfg, &mut out);
    decl::<PeriodCost>(&cfg, &mut out);
    decl::<CoverageStatus>(&cfg, &mut out);
    decl::<DayInfo>(&cfg, &mut out);
    decl::<GridCell>(&cfg, &mut out);
    decl::<RowTotals>(&cfg, &mut out);
    decl::<GridRow>(&cfg, &mut out);
    decl::<StaffGroup>(&cfg, &mut out);
    decl::<CoverageCount>(&cfg, &mut out);
    decl::<CoverageRow>(&cfg, &mut out);
    decl::<ScheduleView>(&cfg, &mut out);
    decl::<AssignOutcome>(&cfg, &mut out);
    decl::<Candidate>(&cfg, &mut out);
    decl::<Excluded>(&cfg, &mut out);
    decl::<CallOutView>(&cfg, &mut out);
    decl::<TimeOffRequest>(&cfg, &mut out);
    decl::<OverlappingShift>(&cfg, &mut out);
    decl::<TimeOffInput>(&cfg, &mut out);
    decl::<RequestKind>(&cfg, &mut out);
    decl::<RequestPriority>(&cfg, &mut out);
    decl::<StaffRequest>(&cfg, &mut out);
    decl::<StaffRequestInput>(&cfg, &mut out);
    decl::<RequestRules>(&cfg, &mut out);
    decl::<RequestRulesInput>(&cfg, &mut out);
    decl::<RequestImportOptions>(&cfg, &mut out);
    decl::<SheetProblem>(&cfg, &mut out);
    decl::<RequestChange>(&cfg, &mut out);
    decl::<RequestImportPreview>(&cfg, &mut out);
    decl::<RequestImportOutcome>(&cfg, &mut out);
    decl::<SwapInput>(&cfg, &mut out);
    decl::<SwapPerson>(&cfg, &mut out);
    decl::<SwapPreview>(&cfg, &mut out);
    decl::<ShiftSwap>(&cfg, &mut out);
    decl::<Category>(&cfg, &mut out);
    decl::<Spread>(&cfg, &mut out);
    decl::<MonthInfo>(&cfg, &mut out);
    decl::<FiscalYear>(&cfg, &mut out);
    decl::<FiscalYears>(&cfg, &mut out);
    decl::<FiscalYearInput>(&cfg, &mut out);
    decl::<BudgetLine>(&cfg, &mut out);
    decl::<BudgetLineInput>(&cfg, &mut out);
    decl::<MonthCell>(&cfg, &mut out);
    decl::<SheetLine>(&cfg, &mut out);
    decl::<BudgetSheet>(&cfg, &mut out);
    decl::<ActualInput>(&cfg, &mut out);
    decl::<Expense>(&cfg, &mut out);
    decl::<ExpenseInput>(&cfg, &mut out);
    decl::<ExpenseQuery>(&cfg, &mut out);
    decl::<CsvFile>(&cfg, &mut out);
    decl::<ImportMapping>(&cfg, &mut out);
    decl::<ImportColumns>(&cfg, &mut out);
    decl::<ImportRow>(&cfg, &mut out);
    decl::<ImportTotal>(&cfg, &mut out);
    decl::<ImportChange>(&cfg, &mut out);
    decl::<UnknownAccount>(&cfg, &mut out);
    decl::<FileCostCentre>(&cfg, &mut out);
    decl::<LineChoice>(&cfg, &mut out);
    decl::<MappedAccount>(&cfg, &mut out);
    decl::<AccountMap>(&cfg, &mut out);
    decl::<AccountMapInput>(&cfg, &mut out);
    decl::<ImportPreview>(&cfg, &mut out);
    decl::<ImportOutcome>(&cfg, &mut out);
    decl::<Variance>(&cfg, &mut out);
    decl::<VarianceFigures>(&cfg, &mut out);
    decl::<VarianceLine>(&cfg, &mut out);
    decl::<ChartMonth>(&cfg, &mut out);
    decl::<VarianceReport>(&cfg, &mut out);
    decl::<VolumeMonth>(&cfg, &mut out);
    decl::<VolumeInput>(&cfg, &mut out);
    decl::<FteBudget>(&cfg, &mut out);
    decl::<FteBudgetInput>(&cfg, &mut out);
    decl::<TargetsInput>(&cfg, &mut out);
    decl::<Targets>(&cfg, &mut out);
    decl::<HoursSource>(&cfg, &mut out);
    decl::<ProductivityMonth>(&cfg, &mut out);
    decl::<PositionLine>(&cfg, &mut out);
    decl::<ProductivityReport>(&cfg, &mut out);
    decl::<LaborCostMonth>(&cfg, &mut out);
    decl::<StaffField>(&cfg, &mut out);
    decl::<EmploymentFrom>(&cfg, &mut out);
    decl::<HrStatus>(&cfg, &mut out);
    decl::<StatusChoice>(&cfg, &mut out);
    decl::<StatusValue>(&cfg, &mut out);
    decl::<DateOrder>(&cfg, &mut out);
    decl::<EmploymentRule>(&cfg, &mut out);
    decl::<RoleChoice>(&cfg, &mut out);
    decl::<RoleHow>(&cfg, &mut out);
    decl::<RoleValue>(&cfg, &mut out);
    decl::<ValueCount>(&cfg, &mut out);
    decl::<StaffImportMapping>(&cfg, &mut out);
    decl::<StaffImportColumns>(&cfg, &mut out);
    decl::<ImportAction>(&cfg, &mut out);
    decl::<HistoryChange>(&cfg, &mut out);
    decl::<StaffImportRow>(&cfg, &mut out);
    decl::<StaffImportPreview>(&cfg, &mut out);
    decl::<StaffImportOutcome>(&cfg, &mut out);
    decl::<ExportOutcome>(&cfg, &mut out);
    decl::<DepartmentFileSummary>(&cfg, &mut out);
    decl::<FileHistory>(&cfg, &mut out);
    decl::<FileHistoryStatus>(&cfg, &mut out);
    decl::<DepartmentImportOutcome>(&cfg, &mut out);
    decl::<StaffTo>(&cfg, &mut out);
    decl::<FillOptions>(&cfg, &mut out);
    decl::<FillProgress>(&cfg, &mut out);
    decl::<FillChange>(&cfg, &mut out);
    decl::<FillHours>(&cfg, &mut out);
    decl::<FillRequests>(&cfg, &mut out);
    decl::<FillSummary>(&cfg, &mut out);
    decl::<FillStaffing>(&cfg, &mut out);
    decl::<FillEvent>(&cfg, &mut out);
    decl::<FillLast>(&cfg, &mut out);
    decl::<HistoryKind>(&cfg, &mut out);
    decl::<HistoryAction>(&cfg, &mut out);
    decl::<HistoryQuery>(&cfg, &mut out);
    decl::<FieldChange>(&cfg, &mut out);
    decl::<HistoryEntry>(&cfg, &mut out);
    decl::<HistoryPage>(&cfg, &mut out);
    decl::<HistoryCheck>(&cfg, &mut out);
    decl::<BackupReason>(&cfg, &mut out);
    decl::<BackupFile>(&cfg, &mut out);
    decl::<RecordCounts>(&cfg, &mut out);
    decl::<BackupSummary>(&cfg, &mut out);
    decl::<RestoreOutcome>(&cfg, &mut out);
    decl::<PassphraseInput>(&cfg, &mut out);
    decl::<StorageSettings>(&cfg, &mut out);
    decl::<StorageSettingsInput>(&cfg, &mut out);
    decl::<ReportKind>(&cfg, &mut out);
    decl::<ReportFormat>(&cfg, &mut out);
    decl::<Paper>(&cfg, &mut out);
    decl::<ReportRequest>(&cfg, &mut out);
    decl::<PayPeriod>(&cfg, &mut out);
    decl::<ReportOptions>(&cfg, &mut out);
    decl::<NeedCount>(&cfg, &mut out);
    decl::<ShiftStaffing>(&cfg, &mut out);
    decl::<DayStaffing>(&cfg, &mut out);
    decl::<Gap>(&cfg, &mut out);
    decl::<Gaps>(&cfg, &mut out);
    decl::<CredentialDue>(&cfg, &mut out);
    decl::<CredentialsDue>(&cfg, &mut out);
    decl::<TrainingDue>(&cfg, &mut out);
    decl::<TrainingsDue>(&cfg, &mut out);
    decl::<LineOver>(&cfg, &mut out);
    decl::<BudgetGlance>(&cfg, &mut out);
    decl::<OvertimeGlance>(&cfg, &mut out);
    decl::<AttendanceGlance>(&cfg, &mut out);
    decl::<Dashboard>(&cfg, &mut out);
    decl::<PunchField>(&cfg, &mut out);
    decl::<PunchMapping>(&cfg, &mut out);
    decl::<FieldOption>(&cfg, &mut out);
    decl::<PunchImportColumns>(&cfg, &mut out);
    decl::<PersonPunches>(&cfg, &mut out);
    decl::<RowProblem>(&cfg, &mut out);
    decl::<PunchImportPreview>(&cfg, &mut out);
    decl::<PunchReplace>(&cfg, &mut out);
    decl::<PunchImportOutcome>(&cfg, &mut out);
    decl::<PeriodChoice>(&cfg, &mut out);
    decl::<PeriodChoices>(&cfg, &mut out);
    decl::<ExceptionKind>(&cfg, &mut out);
    decl::<ExceptionRow>(&cfg, &mut out);
    decl::<PayCodeMinutes>(&cfg, &mut out);
    decl::<PunchLine>(&cfg, &mut out);
    decl::<Timecard>(&cfg, &mut out);
    decl::<PeriodSummary>(&cfg, &mut out);
    decl::<PersonChoice>(&cfg, &mut out);
    decl::<PayPeriodView>(&cfg, &mut out);
    decl::<WorkedMark>(&cfg, &mut out);
    decl::<WorkedCell>(&cfg, &mut out);
    decl::<PunchInput>(&cfg, &mut out);
    decl::<NoShowAs>(&cfg, &mut out);
    decl::<PayrollLayout>(&cfg, &mut out);
    decl::<PayrollSaved>(&cfg, &mut out);
    decl::<Rounding>(&cfg, &mut out);
    decl::<AttendanceSettings>(&cfg, &mut out);
    decl::<AttendanceSettingsInput>(&cfg, &mut out);
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
    options!(out, "DIFFERENTIAL_KINDS", DifferentialKind);
    options!(out, "SEEDS", Seed);
    options!(out, "PERIOD_STATUSES", PeriodStatus);
    options!(out, "TIME_OFF_KINDS", TimeOffKind);
    options!(out, "TIME_OFF_STATUSES", TimeOffStatus);
    options!(out, "RULE_CODES", RuleCode);
    options!(out, "SEVERITIES", Severity);
    options!(out, "COVERAGE_STATUSES", CoverageStatus);
    options!(out, "BUDGET_CATEGORIES", Category);
    options!(out, "SPREADS", Spread);
    options!(out, "HOURS_SOURCES", HoursSource);
    options!(out, "STAFF_FIELDS", StaffField);
    options!(out, "EMPLOYMENT_FROM", EmploymentFrom);
    options!(out, "HR_STATUSES", HrStatus);
    options!(out, "DATE_ORDERS", DateOrder);
    options!(out, "ROLE_HOWS", RoleHow);
    options!(out, "HISTORY_KINDS", HistoryKind);
    options!(out, "REPORT_KINDS", ReportKind);
    options!(out, "PAPERS", Paper);
    options!(out, "ROUNDINGS", Rounding);
    options!(out, "EXCEPTION_KINDS", ExceptionKind);
    commands(&cfg, &mut out);
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

    fn capability_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(CAPABILITY_PATH)
    }

    /// Fails when a command was added, removed or renamed but the window's
    /// capability was not regenerated: the window could not call the new
    /// command (or Tauri refuses a permission for one that is gone).
    #[test]
    fn committed_capability_grants_exactly_the_commands() {
        let fresh = render_capability();
        if std::env::var_os("WARDBOOK_WRITE_BINDINGS").is_some() {
            std::fs::write(capability_path(), &fresh).expect("write capability");
            return;
        }
        let committed = std::fs::read_to_string(capability_path()).unwrap_or_default();
        assert!(
            committed == fresh,
            "{CAPABILITY_PATH} does not grant exactly the #[command] functions; run `cargo xtask bindings` and commit the result"
        );
    }

    /// The signatures come from the Rust parameters: injected state and the
    /// app handle are left out, optional values may be null, a channel stays a channel.
    #[test]
    fn command_signatures_are_the_rust_parameters() {
        let ts = render();
        for line in [
            "  staff_update: { args: { id: number; input: StaffInput }; result: Staff };",
            "  app_status: { args: NoArgs; result: AppStatus };",
            "  app_ready: { args: { screen: string }; result: null };",
            "  period_create: { args: { weeks: number; seed: Seed; start_date: string | null }; result: SchedulePeriod };",
            "  schedule_export_csv: { args: { period_id: number }; result: string | null };",
            "  schedule_fill_start: { args: { period_id: number; options: FillOptions; on_event: Channel<FillEvent> }; result: null };",
        ] {
            assert!(ts.contains(line), "bindings.ts should declare `{line}`");
        }
        let listed = ts.matches("; result: ").count();
        assert_eq!(
            listed,
            crate::COMMANDS.len(),
            "every command, and only those, has a signature"
        );
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

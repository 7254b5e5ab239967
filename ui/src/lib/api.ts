// The one way the UI talks to the backend. `Commands` lists every Tauri command
// with its arguments (snake_case, exactly as the Rust parameters) and result,
// so a misspelt command or a wrong argument does not compile.

import { invoke, type Channel } from '@tauri-apps/api/core';
import { takeEarly } from './early';
import type {
  AppStatus,
  Credential,
  CredentialInput,
  CredentialType,
  CredentialTypeInput,
  Dashboard,
  Department,
  DepartmentInput,
  HistoryCheck,
  HistoryPage,
  HistoryQuery,
  Skill,
  Staff,
  StaffDetail,
  StaffInput,
  StaffQuery,
  StaffRow,
  Training,
  TrainingInput,
} from './bindings';
import type { ReportFormat, ReportKind, ReportOptions, ReportRequest } from './bindings';
import type {
  AssignOutcome,
  CallOutView,
  CoverageLine,
  Holiday,
  RatioPreset,
  RulesForm,
  RulesInput,
  ScheduleView,
  SchedulePeriod,
  Seed,
  ShiftType,
  ShiftTypeInput,
  TimeOffInput,
  TimeOffRequest,
  TimeOffStatus,
  OverlappingShift,
} from './scheduleTypes';
import type {
  DepartmentFileSummary,
  DepartmentImportOutcome,
  ExportOutcome,
  StaffImportColumns,
  StaffImportMapping,
  StaffImportOutcome,
  StaffImportPreview,
} from './bindings';
import type {
  AccountMap,
  AccountMapInput,
  ActualInput,
  BudgetLine,
  BudgetLineInput,
  BudgetSheet,
  CsvFile,
  Expense,
  ExpenseInput,
  ExpenseQuery,
  FiscalYear,
  FiscalYearInput,
  FiscalYears,
  ImportColumns,
  ImportMapping,
  ImportOutcome,
  ImportPreview,
  LaborCostMonth,
  ProductivityReport,
  Targets,
  TargetsInput,
  VarianceReport,
  VolumeInput,
} from './budgetTypes';
import type { FillEvent, FillOptions } from './scheduleTypes';
import type { BackupFile, BackupSummary, PassphraseInput, StorageSettings, StorageSettingsInput } from './bindings';
import { toAppError } from './errors';
import { lock } from './lock.svelte';

type NoArgs = Record<string, never>;

export interface Commands {
  app_status: { args: NoArgs; result: AppStatus };
  app_ready: { args: { screen: string }; result: null };
  department_create: { args: { input: DepartmentInput }; result: Department };
  department_update: { args: { input: DepartmentInput }; result: Department };
  sample_create: { args: NoArgs; result: Department };
  time_zones: { args: NoArgs; result: string[] };
  staff_list: { args: { query: StaffQuery }; result: StaffRow[] };
  staff_detail: { args: { id: number }; result: StaffDetail };
  staff_create: { args: { input: StaffInput }; result: Staff };
  staff_update: { args: { id: number; input: StaffInput }; result: Staff };
  staff_terminate: { args: { id: number; last_day: string }; result: Staff };
  staff_reactivate: { args: { id: number }; result: Staff };
  skills_list: { args: NoArgs; result: Skill[] };
  skill_save: { args: { id: number | null; name: string }; result: Skill };
  skill_delete: { args: { id: number }; result: null };
  credential_types_list: { args: NoArgs; result: CredentialType[] };
  credential_type_save: { args: { id: number | null; input: CredentialTypeInput }; result: CredentialType };
  credential_type_delete: { args: { id: number }; result: null };
  credential_save: { args: { staff_id: number; id: number | null; input: CredentialInput }; result: Credential };
  credential_delete: { args: { staff_id: number; id: number }; result: null };
  training_save: { args: { staff_id: number; id: number | null; input: TrainingInput }; result: Training };
  training_delete: { args: { staff_id: number; id: number }; result: null };
  // Schedule settings
  shift_types_list: { args: NoArgs; result: ShiftType[] };
  shift_type_save: { args: { id: number | null; input: ShiftTypeInput }; result: ShiftType };
  shift_type_delete: { args: { id: number }; result: null };
  schedule_rules_get: { args: NoArgs; result: RulesForm };
  schedule_rules_save: { args: { input: RulesInput }; result: RulesForm };
  holiday_save: { args: { date: string; name: string }; result: Holiday[] };
  holiday_delete: { args: { date: string }; result: Holiday[] };
  coverage_list: { args: NoArgs; result: CoverageLine[] };
  coverage_save: { args: { lines: CoverageLine[] }; result: CoverageLine[] };
  ratio_presets: { args: NoArgs; result: RatioPreset[] };
  coverage_from_census: {
    args: { shift_type_id: number; census: string; patients_per_nurse: string };
    result: CoverageLine;
  };
  // Periods and the grid
  periods_list: { args: NoArgs; result: SchedulePeriod[] };
  period_create: { args: { weeks: number; seed: Seed; start_date: string | null }; result: SchedulePeriod };
  period_publish: { args: { id: number }; result: SchedulePeriod };
  period_delete: { args: { id: number }; result: null };
  schedule_view: { args: { period_id: number }; result: ScheduleView };
  assignment_set: { args: { period_id: number; staff_id: number; date: string; shift_code: string }; result: AssignOutcome };
  assignment_clear: { args: { period_id: number; staff_id: number; date: string }; result: ScheduleView };
  // Time off
  time_off_list: { args: { status: TimeOffStatus | null }; result: TimeOffRequest[] };
  time_off_save: { args: { id: number | null; input: TimeOffInput }; result: TimeOffRequest };
  time_off_decide: { args: { id: number; approve: boolean; remove_shifts: boolean }; result: TimeOffRequest };
  time_off_shifts: { args: { id: number }; result: OverlappingShift[] };
  time_off_delete: { args: { id: number }; result: null };
  // Day of
  call_out: { args: { period_id: number; staff_id: number; date: string }; result: CallOutView };
  call_out_fill: { args: { period_id: number; staff_id: number; date: string; shift_code: string }; result: AssignOutcome };
  // Export and print
  schedule_csv: { args: { period_id: number }; result: string };
  schedule_export_csv: { args: { period_id: number }; result: string | null };
  window_print: { args: NoArgs; result: null };
  // Budget
  fiscal_years_list: { args: NoArgs; result: FiscalYears };
  fiscal_year_create: { args: { input: FiscalYearInput }; result: FiscalYear };
  fiscal_year_delete: { args: { id: number }; result: null };
  budget_sheet: { args: { fiscal_year_id: number }; result: BudgetSheet };
  budget_line_save: { args: { fiscal_year_id: number; id: number | null; input: BudgetLineInput }; result: BudgetLine };
  budget_line_delete: { args: { id: number }; result: null };
  budget_actual_save: { args: { input: ActualInput }; result: BudgetSheet };
  budget_explanation_save: { args: { line_id: number; month: number; explanation: string }; result: null };
  expenses_list: { args: { fiscal_year_id: number; query: ExpenseQuery }; result: Expense[] };
  expense_save: { args: { id: number | null; input: ExpenseInput }; result: Expense };
  expense_delete: { args: { id: number }; result: null };
  budget_csv_open: { args: NoArgs; result: CsvFile | null };
  budget_import_columns: { args: { text: string }; result: ImportColumns };
  budget_import_preview: { args: { fiscal_year_id: number; text: string; mapping: ImportMapping }; result: ImportPreview };
  budget_import: { args: { fiscal_year_id: number; text: string; mapping: ImportMapping }; result: ImportOutcome };
  budget_account_map: { args: { fiscal_year_id: number }; result: AccountMap };
  budget_account_map_save: { args: { fiscal_year_id: number; input: AccountMapInput }; result: AccountMap };
  budget_account_map_remove: { args: { fiscal_year_id: number; account: string }; result: AccountMap };
  budget_cost_centre_save: { args: { code: string; ours: boolean }; result: string[] };
  budget_variance: { args: { fiscal_year_id: number; month: number | null }; result: VarianceReport };
  budget_targets: { args: { fiscal_year_id: number }; result: Targets };
  budget_volumes_save: { args: { fiscal_year_id: number; rows: VolumeInput[] }; result: Targets };
  budget_targets_save: { args: { fiscal_year_id: number; input: TargetsInput }; result: Targets };
  budget_productivity: { args: { fiscal_year_id: number }; result: ProductivityReport };
  budget_labor_cost: { args: { fiscal_year_id: number }; result: LaborCostMonth[] };
  // Staff import from an HR export
  staff_csv_open: { args: NoArgs; result: CsvFile | null };
  staff_import_columns: { args: { text: string }; result: StaffImportColumns };
  staff_import_preview: { args: { text: string; mapping: StaffImportMapping }; result: StaffImportPreview };
  staff_import: { args: { text: string; mapping: StaffImportMapping }; result: StaffImportOutcome };
  // The department file
  department_file_export: { args: NoArgs; result: ExportOutcome | null };
  department_file_open: { args: NoArgs; result: DepartmentFileSummary | null };
  department_file_import: { args: { replace: boolean }; result: DepartmentImportOutcome };
  // Fill schedule
  schedule_fill_start: { args: { period_id: number; options: FillOptions; on_event: Channel<FillEvent> }; result: null };
  schedule_fill_stop: { args: { period_id: number }; result: null };
  schedule_fill_accept: { args: { period_id: number }; result: ScheduleView };
  schedule_fill_discard: { args: { period_id: number }; result: null };
  assignment_lock: { args: { period_id: number; staff_id: number; date: string; locked: boolean }; result: ScheduleView };
  // History
  history_list: { args: { query: HistoryQuery }; result: HistoryPage };
  history_verify: { args: NoArgs; result: HistoryCheck };
  // Security & backups
  app_unlock: { args: { passphrase: string }; result: null };
  app_lock: { args: NoArgs; result: boolean };
  app_activity: { args: NoArgs; result: null };
  passphrase_set: { args: { input: PassphraseInput }; result: null };
  passphrase_remove: { args: { input: PassphraseInput }; result: null };
  storage_settings_get: { args: NoArgs; result: StorageSettings };
  storage_settings_save: { args: { input: StorageSettingsInput }; result: StorageSettings };
  backups_list: { args: NoArgs; result: BackupFile[] };
  backup_now: { args: NoArgs; result: BackupFile };
  backup_inspect: { args: { name: string; passphrase: string | null }; result: BackupSummary };
  backup_restore: { args: { name: string; passphrase: string | null }; result: null };
  backups_remove_unencrypted: { args: NoArgs; result: number };
  // Reports
  report_options: { args: NoArgs; result: ReportOptions };
  report_save: { args: { kind: ReportKind; format: ReportFormat; request: ReportRequest }; result: string | null };
  // Dashboard
  dashboard: { args: NoArgs; result: Dashboard };
}

export type Command = keyof Commands;
type ArgList<K extends Command> = Commands[K]['args'] extends NoArgs ? [] : [Commands[K]['args']];

export type Invoke = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;

/** Builds a typed caller over `invoke`; every rejection becomes an AppError. */
export function makeCall(invokeFn: Invoke) {
  return async function call<K extends Command>(cmd: K, ...args: ArgList<K>): Promise<Commands[K]['result']> {
    try {
      return (await invokeFn(cmd, args[0] as Record<string, unknown> | undefined)) as Commands[K]['result'];
    } catch (raw) {
      const err = toAppError(raw);
      // The file locked itself (idle too long): the lock screen comes up over whatever is open.
      if (err.code === 'locked') lock.locked = true;
      throw err;
    }
  };
}

export const call = makeCall((cmd, args) => invoke(cmd, args));

/** As `call`, but takes the answer the start script already asked for, if any (start-up only). */
export const callEarly = makeCall((cmd, args) => takeEarly(cmd, args) ?? invoke(cmd, args));

const readyScreens = new Set<string>();

/** Tells the backend a screen is usable, once per screen per app start. */
export function reportReady(screen: 'dashboard' | 'staff' | 'welcome'): void {
  if (readyScreens.has(screen)) return;
  readyScreens.add(screen);
  // After the frame that shows it has been painted: that is when the manager can use it.
  requestAnimationFrame(() =>
    setTimeout(() => {
      call('app_ready', { screen }).catch(() => {
        // Only the start-up benchmark listens; a failure here must not disturb the manager.
      });
    }, 0),
  );
}

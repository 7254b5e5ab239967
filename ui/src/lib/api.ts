// The one way the UI talks to the backend. `Commands` lists every Tauri command
// with its arguments (snake_case, exactly as the Rust parameters) and result,
// so a misspelt command or a wrong argument does not compile.

import { invoke } from '@tauri-apps/api/core';
import type {
  AppStatus,
  Credential,
  CredentialInput,
  CredentialType,
  CredentialTypeInput,
  Dashboard,
  Department,
  DepartmentInput,
  Skill,
  Staff,
  StaffDetail,
  StaffInput,
  StaffQuery,
  StaffRow,
  Training,
  TrainingInput,
} from './bindings';
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
} from './scheduleTypes';
import { toAppError } from './errors';

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
  period_create: { args: { weeks: number; seed: Seed }; result: SchedulePeriod };
  period_publish: { args: { id: number }; result: SchedulePeriod };
  period_delete: { args: { id: number }; result: null };
  schedule_view: { args: { period_id: number }; result: ScheduleView };
  assignment_set: { args: { period_id: number; staff_id: number; date: string; shift_code: string }; result: AssignOutcome };
  assignment_clear: { args: { period_id: number; staff_id: number; date: string }; result: ScheduleView };
  // Time off
  time_off_list: { args: { status: TimeOffStatus | null }; result: TimeOffRequest[] };
  time_off_save: { args: { id: number | null; input: TimeOffInput }; result: TimeOffRequest };
  time_off_decide: { args: { id: number; approve: boolean }; result: TimeOffRequest };
  time_off_delete: { args: { id: number }; result: null };
  // Day of
  call_out: { args: { period_id: number; staff_id: number; date: string }; result: CallOutView };
  call_out_fill: { args: { period_id: number; staff_id: number; date: string; shift_code: string }; result: AssignOutcome };
  // Export and print
  schedule_csv: { args: { period_id: number }; result: string };
  schedule_export_csv: { args: { period_id: number }; result: string | null };
  window_print: { args: NoArgs; result: null };
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
      throw toAppError(raw);
    }
  };
}

export const call = makeCall((cmd, args) => invoke(cmd, args));

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

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
export function reportReady(screen: 'staff' | 'welcome'): void {
  if (readyScreens.has(screen)) return;
  readyScreens.add(screen);
  call('app_ready', { screen }).catch(() => {
    // Only the start-up benchmark listens; a failure here must not disturb the manager.
  });
}

// What each form starts with: empty for a new record, or the stored record
// turned back into the text a person would type.

import type {
  Credential,
  CredentialInput,
  CredentialType,
  CredentialTypeInput,
  Department,
  DepartmentInput,
  Staff,
  StaffInput,
  Training,
  TrainingInput,
} from './bindings';
import { centsInput, fte } from './format';

export function emptyStaff(): StaffInput {
  return {
    first_name: '',
    last_name: '',
    employee_no: '',
    role: null,
    job_code: '',
    job_title: '',
    employment_type: null,
    fte: '',
    hourly_rate: '',
    hire_date: '',
    seniority_date: '',
    on_leave: false,
    leave_since: '',
    skill_ids: [],
    phone: '',
    email: '',
    notes: '',
  };
}

export function staffInput(s: Staff): StaffInput {
  return {
    first_name: s.first_name,
    last_name: s.last_name,
    employee_no: s.employee_no,
    role: s.role,
    job_code: s.job_code,
    job_title: s.job_title,
    employment_type: s.employment_type,
    fte: fte(s.fte_hundredths),
    hourly_rate: centsInput(s.hourly_rate_cents),
    hire_date: s.hire_date,
    seniority_date: s.seniority_date ?? '',
    on_leave: s.on_leave,
    leave_since: s.leave_since ?? '',
    skill_ids: s.skills.map((k) => k.id),
    phone: s.phone,
    email: s.email,
    notes: s.notes,
  };
}

export function departmentInput(d: Department | null, timeZone: string): DepartmentInput {
  return d
    ? {
        name: d.name,
        unit_type: d.unit_type,
        beds: String(d.beds),
        time_zone: d.time_zone,
        fiscal_year_start_month: String(d.fiscal_year_start_month),
        overtime_rule: d.overtime_rule,
      }
    : {
        name: '',
        unit_type: 'med_surg',
        beds: '',
        time_zone: timeZone,
        fiscal_year_start_month: '7',
        overtime_rule: 'weekly_40',
      };
}

/** A credential form; `typeId` preselects the type when recording a missing one. */
export function credentialInput(c: Credential | null, typeId: number | null = null): CredentialInput {
  return {
    type_id: c?.type_id ?? typeId ?? 0,
    number: c?.number ?? '',
    issued_on: c?.issued_on ?? '',
    expires_on: c?.expires_on ?? '',
    verified_on: c?.verified_on ?? '',
  };
}

export function credentialTypeInput(t: CredentialType | null): CredentialTypeInput {
  return {
    name: t?.name ?? '',
    required_for: t ? [...t.required_for] : [],
    renewal_months: t?.renewal_months != null ? String(t.renewal_months) : '',
    when_expired: t?.when_expired ?? 'warn',
  };
}

export function trainingInput(t: Training | null): TrainingInput {
  return {
    kind: t?.kind ?? null,
    name: t?.name ?? '',
    due_on: t?.due_on ?? '',
    completed_on: t?.completed_on ?? '',
    rating: t?.rating != null ? String(t.rating) : '',
  };
}

/** Only evaluations carry a rating: any other kind sends it empty. */
export function trainingToSend(input: TrainingInput): TrainingInput {
  return input.kind === 'evaluation' ? { ...input } : { ...input, rating: '' };
}

/** Adds or removes `item`, keeping the order of the rest. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((x) => x !== item);
  return on ? [...without, item] : without;
}

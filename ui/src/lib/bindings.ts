// Generated from the Rust types by `cargo xtask bindings`. Do not edit.

export type ErrorCode = "validation" | "not_found" | "conflict" | "corrupt" | "storage" | "internal";

export type FieldError = { field: string, message: string, };

export type AppError = { code: ErrorCode, message: string, field: string | null, fields: Array<FieldError>, };

export type AppStatus = { department: Department | null, 
/**
 * Set when the department file could not be opened.
 */
open_error: AppError | null, data_dir: string, 
/**
 * Today in the department's time zone (the computer's before there is one).
 */
today: string, system_time_zone: string, };

export type UnitType = "med_surg" | "telemetry" | "step_down" | "icu" | "pediatrics" | "emergency" | "labor_delivery" | "postpartum" | "operating_room" | "pacu" | "clinic" | "laboratory" | "other";

export type OvertimeRule = "weekly_40" | "eight_eighty";

export type Department = { name: string, unit_type: UnitType, beds: number, time_zone: string, fiscal_year_start_month: number, overtime_rule: OvertimeRule, };

export type DepartmentInput = { name: string, unit_type: UnitType, beds: string, time_zone: string, fiscal_year_start_month: string, overtime_rule: OvertimeRule, };

export type Role = "RN" | "LPN" | "CNA" | "UC" | "TECH" | "MD" | "MGR" | "OTHER";

export type EmploymentType = "full_time" | "part_time" | "per_diem" | "float" | "agency";

export type Skill = { id: number, name: string, };

export type Staff = { id: number, first_name: string, last_name: string, employee_no: string, role: Role, job_code: string, employment_type: EmploymentType, 
/**
 * FTE in hundredths: 90 is 0.90.
 */
fte_hundredths: number, hourly_rate_cents: number, hire_date: string, seniority_date: string | null, 
/**
 * The last day of employment; from then on the person is terminated.
 */
termination_date: string | null, skills: Array<Skill>, phone: string, email: string, notes: string, };

export type StaffInput = { first_name: string, last_name: string, employee_no: string, role: Role | null, job_code: string, employment_type: EmploymentType | null, fte: string, hourly_rate: string, hire_date: string, seniority_date: string, skill_ids: Array<number>, phone: string, email: string, notes: string, };

export type StatusFilter = "active" | "terminated" | "all";

export type StaffSort = "name" | "employee_no" | "role" | "employment_type" | "fte" | "hire_date" | "credentials" | "due";

export type StaffQuery = { 
/**
 * Matches name, employee number, job code and skills, ignoring case.
 */
search: string, role: Role | null, employment_type: EmploymentType | null, status: StatusFilter, sort: StaffSort, descending: boolean, };

export type StaffRow = { id: number, first_name: string, last_name: string, employee_no: string, role: Role, employment_type: EmploymentType, fte_hundredths: number, hire_date: string, termination_date: string | null, active: boolean, skills: Array<string>, credentials: CredentialSummary, due: DueSummary, };

export type StaffDetail = { staff: Staff, active: boolean, credentials: Array<CredentialLine>, credential_summary: CredentialSummary, trainings: Array<Training>, due: DueSummary, };

export type ExpiredAction = "block" | "warn";

export type CredentialStatus = "expired" | "missing" | "expiring" | "compliant";

export type CredentialType = { id: number, name: string, 
/**
 * The roles that must hold this credential.
 */
required_for: Array<Role>, renewal_months: number | null, when_expired: ExpiredAction, 
/**
 * How many staff hold a record of this type.
 */
holders: number, };

export type CredentialTypeInput = { name: string, required_for: Array<Role>, 
/**
 * Months between renewals as typed; empty when it does not expire.
 */
renewal_months: string, when_expired: ExpiredAction, };

export type Credential = { id: number, staff_id: number, type_id: number, number: string, issued_on: string | null, expires_on: string | null, verified_on: string | null, };

export type CredentialInput = { type_id: number, number: string, issued_on: string, 
/**
 * Empty means: work it out from the issue date and the type's renewal period, if any.
 */
expires_on: string, verified_on: string, };

export type CredentialLine = { type_id: number, type_name: string, required: boolean, when_expired: ExpiredAction, credential: Credential | null, status: CredentialStatus, 
/**
 * Days until expiry (negative once expired).
 */
days_left: number | null, };

export type CredentialSummary = { 
/**
 * The worst status among the lines.
 */
status: CredentialStatus, expired: number, missing: number, expiring: number, 
/**
 * The soonest expiry date among the records held.
 */
next_expiry: string | null, 
/**
 * The credential that decides the status ("BLS" of "BLS expires in 9 days").
 */
worst_type: string | null, 
/**
 * Its days to expiry (negative once expired; none when missing).
 */
worst_days_left: number | null, };

export type TrainingKind = "training" | "competency" | "evaluation";

export type DueStatus = "overdue" | "due_soon" | "upcoming" | "done";

export type Training = { id: number, staff_id: number, kind: TrainingKind, name: string, due_on: string, completed_on: string | null, 
/**
 * 1 to 5, for evaluations only.
 */
rating: number | null, status: DueStatus, };

export type TrainingInput = { kind: TrainingKind | null, name: string, due_on: string, completed_on: string, rating: string, };

export type DueSummary = { overdue: number, due_soon: number, 
/**
 * The earliest due date among items not yet completed.
 */
next_due: string | null, };

export const UNIT_TYPES: { code: UnitType; label: string }[] = [
  { code: "med_surg", label: "Medical-surgical" },
  { code: "telemetry", label: "Telemetry" },
  { code: "step_down", label: "Step-down" },
  { code: "icu", label: "Intensive care" },
  { code: "pediatrics", label: "Pediatrics" },
  { code: "emergency", label: "Emergency department" },
  { code: "labor_delivery", label: "Labor and delivery" },
  { code: "postpartum", label: "Postpartum" },
  { code: "operating_room", label: "Operating room" },
  { code: "pacu", label: "Post-anesthesia care" },
  { code: "clinic", label: "Clinic / practice" },
  { code: "laboratory", label: "Laboratory" },
  { code: "other", label: "Other" },
];

export const OVERTIME_RULES: { code: OvertimeRule; label: string }[] = [
  { code: "weekly_40", label: "Over 40 hours in the work week" },
  { code: "eight_eighty", label: "8 and 80: over 8 hours a day or 80 in 14 days" },
];

export const ROLES: { code: Role; label: string }[] = [
  { code: "RN", label: "Registered nurse" },
  { code: "LPN", label: "Licensed practical nurse" },
  { code: "CNA", label: "Certified nursing assistant" },
  { code: "UC", label: "Unit clerk" },
  { code: "TECH", label: "Technician" },
  { code: "MD", label: "Physician" },
  { code: "MGR", label: "Manager" },
  { code: "OTHER", label: "Other" },
];

export const EMPLOYMENT_TYPES: { code: EmploymentType; label: string }[] = [
  { code: "full_time", label: "Full-time" },
  { code: "part_time", label: "Part-time" },
  { code: "per_diem", label: "Per diem" },
  { code: "float", label: "Float pool" },
  { code: "agency", label: "Agency" },
];

export const STATUS_FILTERS: { code: StatusFilter; label: string }[] = [
  { code: "active", label: "Active" },
  { code: "terminated", label: "Terminated" },
  { code: "all", label: "All" },
];

export const STAFF_SORTS: { code: StaffSort; label: string }[] = [
  { code: "name", label: "Name" },
  { code: "employee_no", label: "Employee number" },
  { code: "role", label: "Role" },
  { code: "employment_type", label: "Employment type" },
  { code: "fte", label: "FTE" },
  { code: "hire_date", label: "Hire date" },
  { code: "credentials", label: "Credentials" },
  { code: "due", label: "Due items" },
];

export const EXPIRED_ACTIONS: { code: ExpiredAction; label: string }[] = [
  { code: "block", label: "Block scheduling" },
  { code: "warn", label: "Warn only" },
];

export const CREDENTIAL_STATUSES: { code: CredentialStatus; label: string }[] = [
  { code: "expired", label: "Expired" },
  { code: "missing", label: "Required but missing" },
  { code: "expiring", label: "Expiring within 90 days" },
  { code: "compliant", label: "Compliant" },
];

export const TRAINING_KINDS: { code: TrainingKind; label: string }[] = [
  { code: "training", label: "Training" },
  { code: "competency", label: "Annual competency" },
  { code: "evaluation", label: "Performance evaluation" },
];

export const DUE_STATUSES: { code: DueStatus; label: string }[] = [
  { code: "overdue", label: "Overdue" },
  { code: "due_soon", label: "Due within 30 days" },
  { code: "upcoming", label: "Upcoming" },
  { code: "done", label: "Completed" },
];

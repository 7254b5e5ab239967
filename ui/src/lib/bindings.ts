// Generated from the Rust types by `cargo xtask bindings`. Do not edit.

import type { Channel } from '@tauri-apps/api/core';

export type ErrorCode = "validation" | "not_found" | "conflict" | "blocked" | "corrupt" | "storage" | "locked" | "internal";

export type FieldError = { field: string, message: string, };

export type RefusedCell = { staff_id: number, 
/**
 * `YYYY-MM-DD`.
 */
date: string, };

export type AppError = { code: ErrorCode, message: string, field: string | null, fields: Array<FieldError>, 
/**
 * For a `blocked` schedule change: the cells of the rule that refuses
 * it (the shift asked for and, say, the one it would double-book), so
 * the grid can highlight them. Absent on every other error.
 */
cells?: Array<RefusedCell>, };

export type AppStatus = { department: Department | null, 
/**
 * Set when the department file could not be opened.
 */
open_error: AppError | null, 
/**
 * The file is encrypted and waits for its passphrase (the lock screen comes first).
 */
locked: boolean, encrypted: boolean, 
/**
 * The banner while a file that failed its integrity check is open read-only.
 */
read_only: string | null, 
/**
 * The change history failed its check at open (named entry), or its
 * protection had been removed: shown as a warning until the next start.
 */
history_warning: string | null, 
/**
 * Records found at open not as the history says (edited around it),
 * named; shown until the manager adds them to the history.
 */
outside_changes: string | null, 
/**
 * The history warning is of entries cut off its end, which the manager
 * may note in the history ("Note the cut in the history").
 */
history_cut: boolean, idle_lock_minutes: number, 
/**
 * Why today's automatic backup failed, if it did (told once).
 */
backup_warning: string | null, data_dir: string, 
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

export type Staff = { id: number, first_name: string, last_name: string, employee_no: string, role: Role, job_code: string, 
/**
 * The title as HR writes it ("RN - Charge Nurse, Med/Surg"); may be empty.
 */
job_title: string, employment_type: EmploymentType, 
/**
 * FTE in hundredths: 90 is 0.90.
 */
fte_hundredths: number, hourly_rate_cents: number, hire_date: string, seniority_date: string | null, 
/**
 * The last day of employment; from then on the person is terminated.
 */
termination_date: string | null, 
/**
 * On a leave of absence: still employed, but not scheduled or called in.
 */
on_leave: boolean, 
/**
 * The first day of the leave, when known.
 */
leave_since: string | null, skills: Array<Skill>, phone: string, email: string, notes: string, };

export type StaffInput = { first_name: string, last_name: string, employee_no: string, role: Role | null, job_code: string, job_title: string, employment_type: EmploymentType | null, fte: string, hourly_rate: string, hire_date: string, seniority_date: string, on_leave: boolean, 
/**
 * `YYYY-MM-DD` or empty; only with `on_leave`.
 */
leave_since: string, skill_ids: Array<number>, phone: string, email: string, notes: string, };

export type StatusFilter = "active" | "terminated" | "all";

export type StaffSort = "name" | "employee_no" | "role" | "employment_type" | "fte" | "hire_date" | "credentials" | "due";

export type StaffQuery = { 
/**
 * Matches name, employee number, job code and skills, ignoring case and accents.
 */
search: string, role: Role | null, employment_type: EmploymentType | null, status: StatusFilter, sort: StaffSort, descending: boolean, };

export type StaffRow = { id: number, first_name: string, last_name: string, employee_no: string, role: Role, 
/**
 * HR's title, shown as secondary text; may be empty.
 */
job_title: string, employment_type: EmploymentType, fte_hundredths: number, hire_date: string, termination_date: string | null, active: boolean, 
/**
 * On a leave of absence today: "On leave since 2026-11-02" or "On leave".
 */
leave: string | null, skills: Array<string>, credentials: CredentialSummary, due: DueSummary, };

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

export type Differential = { "kind": "none" } | { "kind": "percent", "value": number } | { "kind": "per_hour", "value": number };

export type DifferentialKind = "none" | "percent" | "per_hour";

export type ShiftType = { id: number, 
/**
 * What the grid cell shows ("D", "N12").
 */
code: string, name: string, 
/**
 * Local wall-clock start in the department's time zone, "HH:MM".
 */
start: string, 
/**
 * Wall-clock length: a 19:00 shift of 720 minutes ends at 07:00.
 */
length_minutes: number, unpaid_break_minutes: number, evening: boolean, night: boolean, differential: Differential, };

export type ShiftTypeInput = { code: string, name: string, 
/**
 * "07:00".
 */
start: string, 
/**
 * "12", "8.5", "7:30".
 */
length_hours: string, unpaid_break_minutes: string, evening: boolean, night: boolean, differential_kind: DifferentialKind | null, 
/**
 * "10" for 10 %, "2.50" for $2.50 an hour.
 */
differential_value: string, };

export type Holiday = { date: string, name: string, };

export type RulesInput = { min_rest_hours: string, max_consecutive_8h: string, max_consecutive_12h: string, weekly_hours_limit: string, period_hours_limit: string, 
/**
 * Per diem staff's hours per pay period.
 */
per_diem_period_hours_limit: string, no_day_after_night: boolean, 
/**
 * Empty: no weekend rule.
 */
max_weekends_per_4_weeks: string, pay_period_anchor: string, weekend_differential_kind: DifferentialKind | null, weekend_differential_value: string, holiday_differential_kind: DifferentialKind | null, holiday_differential_value: string, };

export type RulesForm = { min_rest_hours: string, max_consecutive_8h: string, max_consecutive_12h: string, weekly_hours_limit: string, period_hours_limit: string, per_diem_period_hours_limit: string, no_day_after_night: boolean, max_weekends_per_4_weeks: string, pay_period_anchor: string, weekend_differential_kind: DifferentialKind, weekend_differential_value: string, holiday_differential_kind: DifferentialKind, holiday_differential_value: string, 
/**
 * Edited with the department.
 */
overtime_rule: OvertimeRule, holidays: Array<Holiday>, };

export type Requirement = { "kind": "role", "value": Role } | { "kind": "skill", "value": number };

export type CoverageLine = { shift_type_id: number, requirement: Requirement, 
/**
 * Monday..Sunday.
 */
minimum: Array<number>, target: Array<number>, };

export type RatioPreset = { unit_type: UnitType, label: string, patients_per_nurse: number, };

export type PeriodStatus = "draft" | "published";

export type Seed = "empty" | "previous" | "rotation";

export type SchedulePeriod = { id: number, start_date: string, 
/**
 * Inclusive.
 */
end_date: string, weeks: number, status: PeriodStatus, published_at: string | null, };

export type TimeOffKind = "pto" | "sick" | "education" | "fmla" | "other";

export type TimeOffStatus = "requested" | "approved" | "denied";

export type RuleCode = "double_booking" | "rest" | "consecutive" | "day_after_night" | "weekly_hours" | "period_hours" | "weekends" | "time_off" | "leave" | "credential" | "skill_missing" | "coverage";

export type Severity = "block" | "warn";

export type Cell = { staff_id: number, date: string, };

export type Violation = { rule: RuleCode, severity: Severity, 
/**
 * Names the person and the dates, and says what the limit is.
 */
message: string, 
/**
 * The cells to select when the manager chooses this violation; only
 * cells inside the period.
 */
cells: Array<Cell>, };

export type ShiftCost = { staff_id: number, date: string, shift_type_id: number, paid_minutes: number, overtime_minutes: number, straight_cents: number, differential_cents: number, overtime_premium_cents: number, total_cents: number, };

export type PersonCost = { staff_id: number, worked_minutes: number, paid_time_off_minutes: number, overtime_minutes: number, total_cents: number, fte_hundredths: number, 
/**
 * Paid hours ÷ (80 h per 14 days over the period), in hundredths.
 */
scheduled_fte_hundredths: number, };

export type PeriodCost = { lines: Array<ShiftCost>, people: Array<PersonCost>, straight_cents: number, differential_cents: number, overtime_premium_cents: number, total_cents: number, worked_minutes: number, overtime_minutes: number, };

export type CoverageStatus = "short" | "under_target" | "ok" | "none";

export type DayInfo = { date: string, 
/**
 * "Mon".."Sun".
 */
weekday: string, weekend: boolean, holiday: string | null, today: boolean, };

export type GridCell = { date: string, shift_code: string | null, shift_type_id: number | null, time_off: TimeOffKind | null, 
/**
 * Requested or approved; denied time off is not shown.
 */
time_off_status: TimeOffStatus | null, changed_after_publish: boolean, 
/**
 * The worst violation this cell is part of.
 */
violation: Severity | null, 
/**
 * Locked against Fill schedule.
 */
locked: boolean, 
/**
 * Who called out of this cell's shift and when: "Maria Lopez called out
 * of the Day shift (D); recorded Tue 8 Dec at 06:12".
 */
called_out: string | null, 
/**
 * A day the person is not employed, in words: "Left: last day
 * worked 12 Dec", "Not yet employed: starts 3 Jan". The grid greys
 * and hatches the cell; the Fill gives it no shift.
 */
not_employed: string | null, };

export type RowTotals = { 
/**
 * Worked plus paid time off (see [`period_hours`]: the Fill's review
 * shows the same figure).
 */
paid_minutes: number, paid_time_off_minutes: number, 
/**
 * Their FTE's share of the period; none for per diem and agency staff
 * and for anyone no coverage need asks for.
 */
target_minutes: number | null, 
/**
 * Why there is no target, in words: "no LPN coverage set", "per
 * diem, paid by the hour" (see `period_hours::no_target`).
 */
no_target: string | null, shifts: number, 
/**
 * Weekends (Saturday and the Sunday after) with a shift.
 */
weekends: number, scheduled_fte_hundredths: number, fte_hundredths: number, };

export type GridRow = { staff_id: number, 
/**
 * "Lopez, Maria": as every list of people reads.
 */
name: string, 
/**
 * "Maria Lopez": for sentences about them ("Record that Maria Lopez
 * called out…").
 */
full_name: string, 
/**
 * "On leave since 2 Dec" or "On leave" while on a leave of absence
 * during the period; none otherwise.
 */
on_leave: string | null, role: Role, employment_type: EmploymentType, fte_hundredths: number, cells: Array<GridCell>, totals: RowTotals, };

export type StaffGroup = { role: Role, label: string, rows: Array<GridRow>, 
/**
 * Said on the group's heading when no coverage need asks for the
 * role, so staff with an FTE in it have no target and get no shift
 * from the Fill: "No LPN coverage set: no target hours, …".
 */
note: string | null, };

export type CoverageCount = { scheduled: number, minimum: number, target: number, status: CoverageStatus, };

export type CoverageRow = { shift_type_id: number, shift_code: string, requirement: Requirement, 
/**
 * "Day · RN", "Night · Charge".
 */
label: string, days: Array<CoverageCount>, };

export type ScheduleView = { period: SchedulePeriod, today: string, days: Array<DayInfo>, shift_types: Array<ShiftType>, groups: Array<StaffGroup>, coverage: Array<CoverageRow>, violations: Array<Violation>, cost: PeriodCost, };

export type AssignOutcome = { view: ScheduleView, 
/**
 * What the new assignment raises or is part of, though allowed.
 */
warnings: Array<Violation>, };

export type Candidate = { staff_id: number, 
/**
 * As in every list of people: "Lopez, Maria".
 */
name: string, employment_type: EmploymentType, 
/**
 * Rest since their previous shift ended; none when there is none before.
 */
rest_minutes: number | null, rested: boolean, 
/**
 * Paid minutes already scheduled in that work week, and their FTE share of it.
 */
week_minutes: number, week_fte_minutes: number, overtime_minutes: number, 
/**
 * How far this shift takes them past their FTE's share of the week
 * (a part-timer asked for more than they signed up for); 0 for per
 * diem and agency, who have no FTE hours.
 */
over_fte_minutes: number, 
/**
 * What this shift would cost with them on it, overtime premium included.
 */
cost_cents: number, hourly_cents: number, lacks_skill: string | null, 
/**
 * A credential of theirs has lapsed (one that only warns, or they
 * would be excluded): its warning ranks them with the others a rule
 * objects to.
 */
lapsed_credential: boolean, 
/**
 * "Full-time · 14 h rest · 24 h of 36 h this week · no overtime ·
 * $48.50/h"; "Per diem · … · 23 h this week · …"; "Agency, after the
 * department's own staff · …".
 */
reasons: string, 
/**
 * Other warnings the assignment would raise.
 */
warnings: Array<string>, };

export type Excluded = { staff_id: number, 
/**
 * "Lopez, Maria".
 */
name: string, reason: string, };

export type CallOutView = { date: string, shift_code: string, 
/**
 * Who called out: "Maria Lopez".
 */
called_out: string, 
/**
 * Best first, each with the reason for its rank.
 */
candidates: Array<Candidate>, excluded: Array<Excluded>, };

export type TimeOffRequest = { id: number, staff_id: number, 
/**
 * "Lopez, Maria".
 */
name: string, from: string, 
/**
 * Inclusive.
 */
to: string, kind: TimeOffKind, status: TimeOffStatus, paid: boolean, note: string, 
/**
 * Calendar days, both ends included.
 */
days: number, };

export type OverlappingShift = { date: string, 
/**
 * "N".
 */
shift_code: string, 
/**
 * "Night 12".
 */
shift_name: string, period_id: number, 
/**
 * Removing it from a published period marks the cell as changed.
 */
published: boolean, };

export type TimeOffInput = { staff_id: number | null, from: string, to: string, kind: TimeOffKind | null, paid: boolean, note: string, };

export type RequestKind = "work" | "off";

export type RequestPriority = "must" | "strong" | "nice";

export type StaffRequest = { id: number, staff_id: number, 
/**
 * `YYYY-MM-DD`.
 */
date: string, kind: RequestKind, 
/**
 * The shift asked for; none: any shift (and always none for a day off).
 */
shift_type_id: number | null, priority: RequestPriority, note: string, };

export type StaffRequestInput = { staff_id: number, date: string, kind: RequestKind | null, shift_type_id: number | null, priority: RequestPriority | null, note: string, };

export type RequestRules = { 
/**
 * Strong and must requests a person may make per schedule period.
 */
strong_per_period: number, };

export type RequestRulesInput = { 
/**
 * As typed.
 */
strong_per_period: string, };

export type RequestImportOptions = { 
/**
 * What an unmarked cell counts as.
 */
unmarked: RequestPriority, 
/**
 * The sheet holds sign-ups for open shifts (self-scheduling): each
 * request to work is a must, and sign-ups are not held to the cap on
 * strong requests (a nurse may sign up for all their shifts).
 */
sign_ups: boolean, };

export type SheetProblem = { line: number, text: string, };

export type RequestChange = { staff_id: number, name: string, date: string, 
/**
 * "Off (strong): “wedding”", "N (nice to have)"; empty: none.
 */
before: string, after: string, };

export type RequestImportPreview = { 
/**
 * The first and last day the sheet covers.
 */
from: string, to: string, days: number, 
/**
 * Rows matched to a person.
 */
people: number, 
/**
 * Requests the sheet holds for them.
 */
requests: number, added: number, changed: number, removed: number, unchanged: number, 
/**
 * Every change, by person then day.
 */
changes: Array<RequestChange>, refused: Array<SheetProblem>, 
/**
 * Rows of people not on the roster, left out.
 */
unknown: Array<SheetProblem>, 
/**
 * Day headers outside the period, left out.
 */
outside: Array<string>, };

export type RequestImportOutcome = { added: number, changed: number, removed: number, unchanged: number, };

export type SwapInput = { period_id: number, staff_id: number, date: string, with_staff_id: number | null, 
/**
 * Empty or none: the shift is given away.
 */
with_date: string | null, note: string, };

export type SwapPerson = { staff_id: number, name: string, worked_minutes_before: number, worked_minutes_after: number, overtime_minutes_before: number, overtime_minutes_after: number, };

export type SwapPreview = { 
/**
 * "Ana Ruiz's Night on Tue 12 Jan goes to Ben Ode."
 */
moves: Array<string>, 
/**
 * Rule problems the swap would add; a blocking one stops it.
 */
added: Array<Violation>, 
/**
 * Rule problems it would mend.
 */
mended: Array<Violation>, people: Array<SwapPerson>, cost_before_cents: number, cost_after_cents: number, 
/**
 * Why it cannot be approved, when a blocking rule would break.
 */
blocked: string | null, };

export type ShiftSwap = { id: number, staff_id: number, name: string, date: string, shift_code: string, with_staff_id: number, with_name: string, with_date: string | null, with_shift_code: string | null, approved: boolean, note: string, decided_at: string, };

export type Category = "productive_salaries" | "overtime" | "agency" | "benefits" | "medical_supplies" | "pharmacy" | "equipment" | "education_travel" | "purchased_services" | "other";

export type Spread = "even" | "days" | "typed";

export type MonthInfo = { index: number, 
/**
 * "2026-07".
 */
month: string, 
/**
 * "Jul 2026".
 */
label: string, days: number, };

export type FiscalYear = { id: number, 
/**
 * "FY2027", named by the calendar year it ends in.
 */
label: string, 
/**
 * "Jul 2026 – Jun 2027".
 */
span: string, months: Array<MonthInfo>, target_hppd_hundredths: number, };

export type FiscalYears = { years: Array<FiscalYear>, current_id: number | null, next_first_year: number, };

export type FiscalYearInput = { first_year: string, copy_from: number | null, adjustment_percent: string, };

export type BudgetLine = { id: number, fiscal_year_id: number, category: Category, name: string, gl_account: string, annual_cents: number, spread: Spread, 
/**
 * Twelve amounts that add up exactly to `annual_cents`.
 */
monthly_cents: Array<number>, };

export type BudgetLineInput = { category: Category | null, name: string, gl_account: string, annual: string, spread: Spread | null, monthly: Array<string>, };

export type MonthCell = { budget_cents: number, 
/**
 * Typed or imported; none when nothing was entered.
 */
typed_actual_cents: number | null, 
/**
 * The expenses logged in the month.
 */
expenses_cents: number, expense_count: number, 
/**
 * The typed or imported amount; without one, the logged expenses.
 */
actual_cents: number, has_actual: boolean, explanation: string, };

export type SheetLine = { line: BudgetLine, 
/**
 * Twelve months.
 */
months: Array<MonthCell>, };

export type BudgetSheet = { year: FiscalYear, lines: Array<SheetLine>, };

export type ActualInput = { line_id: number, 
/**
 * 0 to 11 in the fiscal year.
 */
month: number, 
/**
 * "1,234.56", "(12.00)"; empty clears the typed actual.
 */
actual: string, explanation: string, };

export type Expense = { id: number, date: string, vendor: string, description: string, line_id: number, line_name: string, amount_cents: number, };

export type ExpenseInput = { date: string, vendor: string, description: string, line_id: number | null, 
/**
 * "249.99"; a refund as "-249.99" or "(249.99)".
 */
amount: string, };

export type ExpenseQuery = { line_id: number | null, 
/**
 * 0 to 11 in the fiscal year.
 */
month: number | null, };

export type CsvFile = { name: string, text: string, };

export type ImportMapping = { has_header: boolean, 
/**
 * Finance's account, or the budget line's GL code or name.
 */
account_column: number, period_column: number, amount_column: number, 
/**
 * The cost centre (department), when the file holds several; none when
 * every row is this department's.
 */
cost_centre_column: number | null, };

export type ImportColumns = { 
/**
 * The first row's fields (the header, when there is one).
 */
headers: Array<string>, 
/**
 * Up to five rows after the first, to help pick the columns.
 */
sample: Array<Array<string>>, guess: ImportMapping, };

export type ImportRow = { line_number: number, cost_centre: string, account: string, period: string, amount: string, line_id: number | null, line_name: string, month: number | null, month_label: string, amount_cents: number | null, 
/**
 * Another cost centre's row: left out, not refused.
 */
skipped: boolean, 
/**
 * The account goes to no line (yet): see `ImportPreview::unknown_accounts`.
 */
unknown_account: boolean, 
/**
 * Why the row cannot be imported; none when it is good or skipped.
 */
error: string | null, 
/**
 * The line of an earlier row with exactly the same fields: likely
 * exported twice. It is still added up (finance may post the same
 * amount twice), but the preview flags it.
 */
duplicate_of: number | null, };

export type ImportTotal = { line_id: number, line_name: string, month: number, month_label: string, amount_cents: number, };

export type ImportChange = { line_id: number, line_name: string, month: number, month_label: string, 
/**
 * The typed or imported actual now; none when the month has none.
 */
current_cents: number | null, new_cents: number, 
/**
 * The line has no row in the file for this covered month: it drops to 0.
 */
not_in_file: boolean, };

export type UnknownAccount = { account: string, rows: number, 
/**
 * The rows' readable amounts added up.
 */
amount_cents: number, 
/**
 * The one line whose GL code is a part of the account ("6010" in
 * "6010-4410-100"), offered first; the manager still chooses.
 */
suggested_line_id: number | null, 
/**
 * The rows are clearly this department's (the file's cost centres are
 * split into ours and others'), so the suggestion may be pre-selected.
 * Otherwise it is only offered: another department's costs must never
 * be one click from being added as ours.
 */
suggestion_sure: boolean, };

export type FileCostCentre = { code: string, rows: number, ours: boolean, };

export type LineChoice = { id: number, name: string, gl_account: string, };

export type MappedAccount = { account: string, line_id: number, line_name: string, line_gl_account: string, };

export type AccountMap = { fiscal_year_id: number, 
/**
 * By account.
 */
accounts: Array<MappedAccount>, 
/**
 * This department's cost centres, in order.
 */
cost_centres: Array<string>, };

export type AccountMapInput = { account: string, line_id: number | null, };

export type ImportPreview = { rows: Array<ImportRow>, good_rows: number, bad_rows: number, 
/**
 * Rows of other cost centres.
 */
skipped_rows: number, 
/**
 * This department's rows that repeat an earlier row field for field.
 */
duplicate_rows: number, 
/**
 * A report's title lines above the header, skipped.
 */
title_lines: number, 
/**
 * Total and subtotal rows, skipped: they are sums of the rows above.
 */
total_rows: number, totals: Array<ImportTotal>, unknown_accounts: Array<UnknownAccount>, 
/**
 * The file's cost centres, in the file's order; empty without the column.
 */
cost_centres: Array<FileCostCentre>, 
/**
 * The file has a cost centre column but none of its cost centres is
 * marked as this department's yet: nothing can be imported.
 */
cost_centre_needed: boolean, lines: Array<LineChoice>, 
/**
 * Every line and covered month whose actual the import changes, in the
 * lines' order, then by month.
 */
changes: Array<ImportChange>, 
/**
 * The months the file has rows of this department for.
 */
covered_months: number, 
/**
 * The good rows of this department added up: finance's report total.
 */
file_total_cents: number, 
/**
 * The covered months' actuals after the import, added up over all lines.
 */
written_total_cents: number, 
/**
 * Importing changes no actual (e.g. the same file again).
 */
no_change: boolean, };

export type ImportOutcome = { rows_imported: number, rows_skipped: number, months_updated: number, };

export type Variance = { budget_cents: number, actual_cents: number, 
/**
 * budget − actual.
 */
variance_cents: number, 
/**
 * variance ÷ budget in basis points; none when the budget is 0.
 */
variance_bp: number | null, favourable: boolean, };

export type VarianceFigures = { month: Variance, ytd: Variance, annual_budget_cents: number, forecast_cents: number, 
/**
 * Annual budget − forecast.
 */
forecast: Variance, };

export type VarianceLine = { line_id: number, category: Category, name: string, gl_account: string, figures: VarianceFigures, 
/**
 * The explanation of this month's variance.
 */
explanation: string, };

export type ChartMonth = { index: number, label: string, budget_cents: number, 
/**
 * None until a month has any actual.
 */
actual_cents: number | null, };

export type VarianceReport = { year: FiscalYear, 
/**
 * The month reported on, 0 to 11; the YTD runs from month 0 through it.
 */
month: number, month_label: string, months_elapsed: number, lines: Array<VarianceLine>, total: VarianceFigures, chart: Array<ChartMonth>, };

export type VolumeMonth = { month: number, label: string, budgeted_patient_days: number, actual_patient_days: number | null, worked_minutes: number | null, paid_minutes: number | null, overtime_minutes: number | null, agency_minutes: number | null, };

export type VolumeInput = { month: number, budgeted_patient_days: string, actual_patient_days: string, worked_hours: string, paid_hours: string, overtime_hours: string, agency_hours: string, };

export type FteBudget = { role: Role, fte_hundredths: number, };

export type FteBudgetInput = { role: Role, 
/**
 * "22.4"
 */
fte: string, };

export type TargetsInput = { 
/**
 * "7.25"
 */
target_hppd: string, fte: Array<FteBudgetInput>, };

export type Targets = { year: FiscalYear, 
/**
 * Twelve months.
 */
volumes: Array<VolumeMonth>, fte: Array<FteBudget>, };

export type HoursSource = "schedule" | "clocked" | "mixed" | "typed" | "missing";

export type ProductivityMonth = { month: number, label: string, days: number, source: HoursSource, budgeted_patient_days: number, actual_patient_days: number | null, worked_minutes: number, non_productive_minutes: number, paid_minutes: number, overtime_minutes: number, agency_minutes: number, hppd_hundredths: number | null, target_hppd_hundredths: number, 
/**
 * Target HPPD × patient days (actual, or budgeted before actuals are in).
 */
target_minutes: number, worked_fte_hundredths: number, paid_fte_hundredths: number, budgeted_fte_hundredths: number, overtime_bp: number | null, agency_bp: number | null, };

export type PositionLine = { role: Role, budgeted_fte_hundredths: number, on_staff_fte_hundredths: number, 
/**
 * Budgeted − on staff: positive is open positions, negative is over.
 */
open_fte_hundredths: number, };

export type ProductivityReport = { year: FiscalYear, months: Array<ProductivityMonth>, positions: Array<PositionLine>, };

export type LaborCostMonth = { month: number, label: string, days: number, 
/**
 * Days of the month inside a schedule period; the projection covers only those.
 */
scheduled_days: number, 
/**
 * Only some days are scheduled: each budget below is the scheduled
 * days' share of the month's (a partial month is never "under budget"
 * because the rest of it is not priced yet).
 */
partial: boolean, 
/**
 * The salary lines' actual of the month (typed or imported), to read
 * beside the projection; none while the month has no actual.
 */
actual_salaries_cents: number | null, salaries: Variance, overtime: Variance, agency: Variance, total: Variance, };

export type StaffField = "employee_no" | "first_name" | "last_name" | "full_name" | "role" | "job_code" | "job_title" | "employment_type" | "fte" | "hourly_rate" | "hire_date" | "seniority_date" | "termination_date" | "status" | "department" | "phone" | "email" | "notes";

export type EmploymentFrom = "fte" | "one";

export type HrStatus = "active" | "leave" | "terminated";

export type StatusChoice = { value: string, status: HrStatus, };

export type StatusValue = { value: string, rows: number, 
/**
 * The manager's choice; none until chosen.
 */
status: HrStatus | null, 
/**
 * The choice is the one remembered from an earlier import.
 */
remembered: boolean, };

export type DateOrder = "month_first" | "day_first";

export type EmploymentRule = { from: EmploymentFrom, 
/**
 * FTE at or above which a new person is full-time, as typed ("0.9").
 */
full_time_min: string, 
/**
 * FTE at or below which a new person is per diem ("0").
 */
per_diem_max: string, 
/**
 * For `One`: the type every new person gets.
 */
one_type: EmploymentType | null, };

export type RoleChoice = { value: string, role: Role, skill_ids: Array<number>, };

export type RoleHow = "chosen" | "remembered" | "known" | "guessed" | "from_code" | "missing";

export type RoleValue = { value: string, 
/**
 * How many rows of the file have it.
 */
rows: number, role: Role | null, how: RoleHow, 
/**
 * The skills new people with this title are given (chosen or remembered).
 */
skill_ids: Array<number>, };

export type ValueCount = { value: string, rows: number, };

export type StaffImportMapping = { has_header: boolean, columns: Array<StaffField | null>, 
/**
 * A column chosen for another field (the job code) that also gives
 * the role, when no column is chosen for the role itself.
 */
role_column: number | null, 
/**
 * The role the manager chose for values of the role column.
 */
roles: Array<RoleChoice>, 
/**
 * New people's employment type when no column holds it.
 */
employment: EmploymentRule, 
/**
 * This department's value in the department column (none: guessed);
 * rows with another value are skipped.
 */
department: string | null, 
/**
 * How slash dates like 03/04/2019 are read when no value of their
 * column tells (none: the department's usual order, shown as chosen).
 */
date_order: DateOrder | null, 
/**
 * New people's hourly rate when no column holds it, as typed ("45.50").
 */
new_rate: string | null, 
/**
 * What the manager says status values the words cannot read mean.
 */
statuses: Array<StatusChoice>, };

export type StaffImportColumns = { 
/**
 * The first row's fields (the header, when there is one).
 */
headers: Array<string>, 
/**
 * Up to five rows after the first, to help pick the fields.
 */
sample: Array<Array<string>>, guess: StaffImportMapping, 
/**
 * The guess is the mapping of the last import of a file with this header.
 */
remembered: boolean, };

export type ImportAction = "add" | "update" | "unchanged" | "skipped" | "error";

export type HistoryChange = { field: string, before: string | null, after: string | null, };

export type StaffImportRow = { line_number: number, employee_no: string, 
/**
 * "Last, First" as it will be (or as the file has it, for a bad row).
 */
name: string, action: ImportAction, 
/**
 * The person updated; none for an add or a bad row.
 */
staff_id: number | null, 
/**
 * For an add: role, employment type, FTE and hire date in a few words;
 * for a skipped row: why; for an update: what the status means, if anything.
 */
summary: string, changes: Array<FieldChange>, 
/**
 * Every reason the row cannot be imported; none when it is good.
 */
error: string | null, 
/**
 * Something to check before importing a good row (a new person with
 * the name and hire date of someone on the roster).
 */
warning: string | null, };

export type StaffImportPreview = { rows: Array<StaffImportRow>, adds: number, updates: number, unchanged: number, skipped: number, errors: number, 
/**
 * The role column's distinct values and the role each gives.
 */
roles: Array<RoleValue>, 
/**
 * The department column's distinct values with their row counts.
 */
departments: Array<ValueCount>, 
/**
 * The department whose rows are imported (chosen, or guessed).
 */
department: string | null, 
/**
 * How new people's employment type is decided, when no column holds it.
 */
employment_note: string | null, 
/**
 * A date of the file that reads either way (e.g. 03/04/2019) when no
 * value of its column tells the order: the preview asks.
 */
date_question: string | null, 
/**
 * The order used for such dates: the mapping's, else the department's usual.
 */
date_order: DateOrder, 
/**
 * What the manager should know about the file as a whole: numbers
 * matched despite lost leading zeros, people the file leaves out.
 */
notices: Array<string>, 
/**
 * The file has no pay column and adds people: the preview asks for
 * one rate for them (`new_rate`).
 */
rate_question: boolean, 
/**
 * Status values the words cannot read, and those the manager read.
 */
statuses: Array<StatusValue>, };

export type StaffImportOutcome = { added: number, updated: number, unchanged: number, skipped: number, };

export type ExportOutcome = { path: string, tables: number, rows: number, bytes: number, };

export type DepartmentFileSummary = { file_name: string, department: string, exported_at: string, app_version: string, schema_version: number, 
/**
 * Set when the file came from an older schema and was migrated.
 */
migrated: boolean, staff: number, active_staff: number, schedule_periods: number, fiscal_years: number, tables: number, rows: number, 
/**
 * What importing it would do with the file's history.
 */
history: FileHistory, 
/**
 * The entries of the department's own history, which are kept.
 */
kept_history_entries: number, 
/**
 * The file was changed after it was exported (it no longer matches its
 * checksum): said before importing, and in the import's history entry.
 */
edited_after_export: boolean, };

export type FileHistory = { 
/**
 * Entries of history in the file.
 */
entries: number, status: FileHistoryStatus, 
/**
 * Entries added to this department's history by the import.
 */
carried_over: number, 
/**
 * In the manager's words.
 */
message: string, };

export type FileHistoryStatus = "empty" | "verified" | "unverified" | "altered" | "unchecked";

export type DepartmentImportOutcome = { department: Department, 
/**
 * Where the department that was replaced was kept; none when the data
 * folder was empty.
 */
set_aside: string | null, 
/**
 * What became of the file's own history.
 */
history: FileHistory, 
/**
 * The entries of the department's own history that were kept (the
 * import's own entry not counted).
 */
kept_history_entries: number, 
/**
 * The file was changed after it was exported.
 */
edited_after_export: boolean, 
/**
 * How many records the import added, changed or removed, each an entry
 * of the history (0 into an empty folder, where there is nothing to compare).
 */
changes: number, };

export type StaffTo = "target" | "minimum";

export type FillOptions = { 
/**
 * Keep the cells the manager locked as they are (a shift, or a day off).
 */
keep_locked: boolean, 
/**
 * Keep the shifts already in the period (those that break a blocking
 * rule are let go, and per diem and agency shifts are open to staff
 * short of their target unless locked, each move of one costing
 * [`MOVE_WEIGHT`]). Approved time off is always kept.
 */
keep_existing: boolean, 
/**
 * How much pending time-off requests count.
 */
requests: number, 
/**
 * How much each person's hours should keep to their FTE's share of
 * the period (0: not at all; per diem and agency staff have none).
 */
fairness: number, 
/**
 * How much the pay of each shift counts.
 */
cost: number, 
/**
 * Time limit for the search.
 */
seconds: number, 
/**
 * Hours a person with an FTE may work beyond their target for the
 * period, a hard limit (0–48; 12 = one long shift). What cannot be
 * staffed within it goes to per diem or agency staff or stays open.
 */
extra_hours: number, 
/**
 * Staff each shift to its target (above the minimum), or to the
 * minimum only.
 */
staff_to: StaffTo, };

export type FillProgress = { 
/**
 * The best penalty found so far (lower is better).
 */
penalty: number, 
/**
 * People short of the days' minimums in the best roster so far.
 */
short_of_minimum: number, 
/**
 * People short of the days' targets (above the minimums).
 */
short_of_target: number, elapsed_ms: number, limit_ms: number, };

export type FillChange = { staff_id: number, 
/**
 * "Maria Lopez".
 */
name: string, date: string, 
/**
 * Shift codes before and after; none is an empty cell.
 */
from: string | null, to: string | null, };

export type FillHours = { staff_id: number, name: string, 
/**
 * Paid minutes in the period (shifts and paid time off, as the grid's
 * hours column) before the fill and with its proposal.
 */
before_minutes: number, after_minutes: number, 
/**
 * Their FTE's share of the period; none for per diem and agency staff.
 */
target_minutes: number | null, 
/**
 * Why there is no target ("no LPN coverage set"), as the grid says it.
 */
no_target: string | null, 
/**
 * Why they end at least [`FAR_MINUTES`] from their target (none when
 * they are close to it or as close as their limits allow); for per
 * diem and agency staff the Fill gave shifts, why each went to them.
 */
reason: string | null, 
/**
 * Short of their target by less than one shift, and any other shift
 * would break a limit of theirs: as close as the rules allow (a 0.9
 * FTE on 12-hour shifts under a 40-hour week), so not named as far.
 */
at_limit: boolean, };

export type FillRequests = { 
/**
 * Requests on the period's days for people in the fill.
 */
total: number, met: number, 
/**
 * One line per request not met, by day then person.
 */
not_met: Array<string>, };

export type FillSummary = { 
/**
 * The changes fall in exactly one of four kinds, so that `added +
 * changed + removed + 2 × moved` is the number of `changes` (each a
 * marked cell on the grid). Shifts given to an empty cell, not part of
 * a move.
 */
added: number, 
/**
 * A shift changed to another type in the same cell.
 */
changed: number, 
/**
 * Shifts taken off, not part of a move.
 */
removed: number, 
/**
 * Of those removed, shifts that broke a blocking rule (approved time
 * off, a lapsed credential that blocks): they had to come off, which
 * is why a gap can open where the period looked covered.
 */
removed_blocked: number, 
/**
 * Of those removed (and not for a blocking rule), kept shifts of
 * people two weekends or more from their share, opened so the Fill
 * could share weekends more evenly (see `weekend_release`).
 */
weekend_trades: number, 
/**
 * Per diem and agency shifts moved to the department's own staff
 * short of their hours: the same day and shift taken off a per diem or
 * agency row (struck out) and given to someone with an FTE whose cell
 * was empty. Each move is two changed cells, counted here only.
 */
moved: number, 
/**
 * People short of the days' minimums, before and with the proposal.
 */
short_before: number, short_after: number, 
/**
 * People short of the targets above the minimums, before and after.
 */
under_target_before: number, under_target_after: number, 
/**
 * Stopped by the manager before the time limit.
 */
stopped: boolean, 
/**
 * Why each remaining gap below a minimum was left, one line each.
 */
unmet: Array<string>, 
/**
 * Why each shift left under its target was, one line each ("Night
 * 12 Jan under target by 1 RN: …"), one for each of
 * `under_target_after`, each cause worded as in the headline (see
 * [`super::under`]); gaps below a minimum are in `unmet` instead.
 */
under_target: Array<string>, 
/**
 * Each break of the rest rules (too little rest, a day shift after a
 * night, an overlap) the proposal still holds, with why the Fill kept
 * it: a locked shift, or one already worked before the period.
 */
rest_kept: Array<string>, 
/**
 * Everyone's hours before and after against their target, with the
 * reason for those left far from it.
 */
hours: Array<FillHours>, 
/**
 * The staff requests met, and why each one not met was not.
 */
requests: FillRequests, 
/**
 * People scheduled while a credential that only warns has lapsed,
 * with their shifts ("Ben Ortiz: ACLS expired 3 Dec (warning only) —
 * 6 shifts"): a warning keeps nobody off, so the manager chases it.
 */
warned: Array<string>, 
/**
 * People with an FTE whose weekends are far from their share (the
 * proposal's weekends in proportion to FTE), with the reason.
 */
weekends: Array<string>, changes: Array<FillChange>, };

export type FillStaffing = { 
/**
 * What the Fill staffed to (an option of the dialog).
 */
staff_to: StaffTo, 
/**
 * Role shifts beyond each day's minimum in the proposal, and the pay
 * of the dearest of those on each (the ones a manager would drop).
 */
above_minimum_shifts: number, above_minimum_cents: number, 
/**
 * One line per role of gaps below the minimum left because every
 * qualified person free that day is at their FTE hours plus the extra
 * hours (or at another limit): "3 RN shifts left open: …"; then one
 * line per need of the shifts left under target, each cause with its
 * count, adding up to the review's figure ([`super::under`]).
 */
left_open: Array<string>, 
/**
 * With "keep existing": how many shifts already on the schedule the
 * proposal moves, changes or takes off (none otherwise).
 */
existing_changed: number | null, };

export type FillEvent = { "kind": "started", short_of_minimum: number, short_of_target: number, } | { "kind": "progress", progress: FillProgress, } | { "kind": "done", summary: FillSummary, 
/**
 * Above-minimum cost, shifts left open at the hours limit, and
 * changes to existing shifts.
 */
staffing: FillStaffing, view: ScheduleView, } | { "kind": "failed", message: string, };

export type FillLast = { summary: FillSummary, staffing: FillStaffing, };

export type HistoryKind = "staff" | "credentials" | "trainings" | "schedule" | "time_off" | "budget" | "department" | "other";

export type HistoryAction = "added" | "changed" | "removed";

export type HistoryQuery = { kind: HistoryKind | null, 
/**
 * Everything about one person: their record, credentials, shifts…
 */
staff_id: number | null, 
/**
 * One record: its table and key (as in `HistoryEntry`).
 */
table: string | null, record_key: string | null, 
/**
 * First and last day, `YYYY-MM-DD`, in the department's time zone.
 */
from: string, to: string, 
/**
 * Matched against the record's name and the values before and after.
 */
text: string, offset: number, limit: number, };

export type FieldChange = { field: StaffField, label: string, before: string, after: string, };

export type HistoryEntry = { id: number, 
/**
 * What happened, in a few words ("Ana Ruiz: hourly rate", "Shift added
 * 12 Jan 2026 N Night", "Backup made by hand").
 */
title: string, 
/**
 * Local date and time in the department's zone, `YYYY-MM-DD HH:MM:SS`.
 */
at: string, kind: HistoryKind, 
/**
 * What sort of record ("Credential", "Shift"…).
 */
what: string, 
/**
 * Which record, as it was named at the time ("Lee, Ann — BLS").
 */
label: string, action: HistoryAction, staff_id: number | null, table: string, record_key: string, changes: Array<HistoryChange>, };

export type HistoryPage = { entries: Array<HistoryEntry>, 
/**
 * How many entries match the filters in all.
 */
total: number, offset: number, limit: number, };

export type HistoryCheck = { entries: number, 
/**
 * True when every entry matches its seal.
 */
intact: boolean, 
/**
 * The first entry that does not (its id in the history), if any.
 */
first_broken: number | null, 
/**
 * In the manager's words: all is well, or what broke where.
 */
message: string, };

export type BackupReason = "daily" | "manual" | "before_migration" | "before_restore" | "passphrase" | "damaged" | "before_import";

export type BackupFile = { 
/**
 * The file name inside the backup folder (how commands refer to it).
 */
name: string, 
/**
 * Local time it was made, `YYYY-MM-DD HH:MM:SS`.
 */
made_at: string, reason: BackupReason, size_bytes: number, 
/**
 * Encrypted (with the passphrase of the day it was made), or readable by anyone.
 */
encrypted: boolean, 
/**
 * For a department kept before an import: the department file imported.
 */
imported_file: string | null, 
/**
 * Encrypted under a passphrase the department does not have now (an
 * earlier one): restoring it asks for that one. Known only while the
 * department is open (`rekey::mark_earlier`).
 */
earlier_passphrase: boolean, };

export type RecordCounts = { department: string | null, staff: number, credentials: number, periods: number, assignments: number, budget_lines: number, schema_version: number, };

export type BackupSummary = { file: BackupFile, counts: RecordCounts, 
/**
 * What restoring it loses ("Saves after … will be lost: the newest
 * was …"), in words; empty until [`preview`] says it.
 */
lost: string, 
/**
 * The records restoring it adds, removes or changes, by name (the first
 * 20; none when the department file cannot be read).
 */
changes: Array<string>, 
/**
 * How many changes in all.
 */
changes_total: number, };

export type RestoreOutcome = { message: string, 
/**
 * The backup the department as it was is kept as, if there was one.
 */
kept_as: string | null, };

export type PassphraseInput = { current_passphrase: string, new_passphrase: string, confirm_passphrase: string, 
/**
 * The manager declined to encrypt the backups made before the passphrase:
 * they stay as they are, listed as readable by anyone (Settings offers to
 * delete them). Otherwise setting a passphrase encrypts them too.
 */
keep_plain_backups: boolean, };

export type StorageSettings = { backup_folder: string, default_backup_folder: string, keep: number, idle_lock_minutes: number, };

export type StorageSettingsInput = { backup_folder: string, keep: string, idle_lock_minutes: string, };

export type ReportKind = "schedule" | "coverage" | "credentials" | "budget_variance" | "roster" | "hours" | "timecards" | "fairness";

export type ReportFormat = "pdf" | "csv";

export type Paper = "letter" | "a4";

export type ReportRequest = { period_id: number | null, fiscal_year_id: number | null, month: number | null, pay_period_start: string, as_of: string, 
/**
 * For the PDF; Letter when not given.
 */
paper: Paper, 
/**
 * Fairness: the window's months, 6 or 12 (12 when not given).
 */
window_months: number | null, };

export type PayPeriod = { start: string, 
/**
 * Inclusive.
 */
end: string, 
/**
 * Holds today.
 */
current: boolean, };

export type ReportOptions = { today: string, 
/**
 * Latest first.
 */
periods: Array<SchedulePeriod>, 
/**
 * The period holding today, else the latest.
 */
current_period_id: number | null, 
/**
 * Latest first: every pay period from the first schedule period (or
 * eight weeks ago) to the last one (or four weeks ahead).
 */
pay_periods: Array<PayPeriod>, 
/**
 * Latest first.
 */
fiscal_years: Array<FiscalYear>, current_fiscal_year_id: number | null, };

export type NeedCount = { 
/**
 * "RN", "Charge".
 */
label: string, requirement: Requirement, scheduled: number, minimum: number, target: number, status: CoverageStatus, };

export type ShiftStaffing = { shift_type_id: number, code: string, name: string, 
/**
 * "07:00".
 */
start: string, needs: Array<NeedCount>, 
/**
 * The worst status among the needs.
 */
status: CoverageStatus, };

export type DayStaffing = { date: string, 
/**
 * The schedule period holding the day; none when no period does.
 */
period_id: number | null, 
/**
 * Shifts with a need that day, by start time.
 */
shifts: Array<ShiftStaffing>, };

export type Gap = { date: string, period_id: number, shift_type_id: number, shift_code: string, shift_name: string, requirement: Requirement, label: string, scheduled: number, minimum: number, };

export type Gaps = { from: string, 
/**
 * Inclusive.
 */
to: string, 
/**
 * By date, then shift start.
 */
items: Array<Gap>, 
/**
 * Days of the window that no schedule period holds yet.
 */
unscheduled_days: Array<string>, 
/**
 * The needs checked (shift × role or skill × scheduled day with a
 * minimum or target): with none, "no gaps" would be a claim about nothing.
 */
needs_checked: number, };

export type CredentialDue = { staff_id: number, 
/**
 * "Lopez, Maria".
 */
name: string, role: Role, credential: string, expires_on: string | null, 
/**
 * Negative once expired; none when missing.
 */
days_left: number | null, status: CredentialStatus, };

export type CredentialsDue = { expired: number, missing: number, 
/**
 * Expiring in 0 to 30 days (today counts: valid through its expiry day).
 */
within_30: number, 
/**
 * In 31 to 60 days.
 */
within_60: number, 
/**
 * In 61 to 90 days.
 */
within_90: number, 
/**
 * Expired first (longest ago first), then missing, then soonest to expire.
 */
items: Array<CredentialDue>, 
/**
 * The people checked (everyone employed) and the credentials checked
 * (every required one of theirs, current ones too): with none, "all
 * current" would be a claim about nobody.
 */
staff_checked: number, credentials_checked: number, };

export type TrainingDue = { staff_id: number, name: string, kind: TrainingKind, item: string, due_on: string, 
/**
 * Negative when overdue.
 */
days_left: number, status: DueStatus, };

export type TrainingsDue = { overdue: number, 
/**
 * Due today or within 30 days.
 */
due_soon: number, 
/**
 * Overdue first, then by due date.
 */
items: Array<TrainingDue>, 
/**
 * The people checked and their evaluations, competencies and trainings
 * on record (whatever their status).
 */
staff_checked: number, trainings_checked: number, };

export type LineOver = { line_id: number, name: string, category: Category, ytd: Variance, };

export type BudgetGlance = { fiscal_year_id: number, 
/**
 * "FY2027".
 */
year_label: string, 
/**
 * The last month in the year to date ("Oct 2026"): the latest month
 * with actuals, never later than today's month.
 */
through: string, 
/**
 * False until any actual is entered; the variance then means nothing yet.
 */
has_actuals: boolean, ytd: Variance, 
/**
 * The lines most over budget year to date (at most three, worst first).
 */
over: Array<LineOver>, };

export type OvertimeGlance = { 
/**
 * The pay period holding today.
 */
from: string, 
/**
 * Inclusive.
 */
to: string, worked_minutes: number, overtime_minutes: number, 
/**
 * Overtime ÷ worked, in basis points; none with nothing scheduled.
 */
overtime_bp: number | null, };

export type AttendanceGlance = { 
/**
 * The pay period holding today.
 */
from: string, to: string, punches: number, open_exceptions: number, incidental_overtime_cents: number, 
/**
 * The oldest closed period with punches that is not approved, if any.
 */
to_approve: string | null, 
/**
 * How many closed periods with punches wait for approval.
 */
periods_to_approve: number, };

export type Dashboard = { today: string, 
/**
 * Today and tomorrow, shift by shift against the coverage needs.
 */
staffing: Array<DayStaffing>, 
/**
 * Shifts below their minimum in the next `GAP_DAYS` days.
 */
gaps: Gaps, 
/**
 * Requests waiting for a decision, soonest first.
 */
time_off: Array<TimeOffRequest>, credentials: CredentialsDue, trainings: TrainingsDue, 
/**
 * None when no fiscal year holds today.
 */
budget: BudgetGlance | null, overtime: OvertimeGlance, attendance: AttendanceGlance, };

export type PunchField = "employee_no" | "date" | "time_in" | "time_out" | "punch_time" | "direction" | "pay_code" | "cost_centre" | "meal_minutes";

export type PunchMapping = { has_header: boolean, columns: Array<PunchField | null>, 
/**
 * How `03/04/2026` reads when the date column cannot tell.
 */
date_order: DateOrder, };

export type FieldOption = { field: PunchField, label: string, };

export type PunchImportColumns = { 
/**
 * The first row's cells (the header when there is one).
 */
headers: Array<string>, 
/**
 * The next rows, for the manager to go by.
 */
sample: Array<Array<string>>, mapping: PunchMapping, 
/**
 * The mapping is the one last used for this layout.
 */
remembered: boolean, fields: Array<FieldOption>, };

export type PersonPunches = { staff_id: number, name: string, punches: number, 
/**
 * Punches with a half missing.
 */
missed: number, };

export type RowProblem = { line: number, text: string, };

export type PunchImportPreview = { rows: number, matched_rows: number, punches: number, 
/**
 * First and last workday of the file's punches.
 */
from: string | null, to: string | null, 
/**
 * Punches stored for those days now, which the import replaces.
 */
stored: number, 
/**
 * What importing would do to those days (hand corrections kept).
 */
change: PunchReplace | null, people: Array<PersonPunches>, 
/**
 * Employee numbers this department does not have, with their lines.
 */
unmatched: Array<RowProblem>, refused: Array<RowProblem>, 
/**
 * Why the file cannot be imported as a whole (an approved period).
 */
blocked: string | null, 
/**
 * Clocked shifts the file gave no meal that have the scheduled shift's
 * unpaid break deducted (the department's rule; the file has no meal
 * column).
 */
meals_deducted: number, };

export type PunchReplace = { from: string, to: string, 
/**
 * Punches that were there before and are gone.
 */
removed: number, 
/**
 * Punches the file added that were not there.
 */
added: number, 
/**
 * Punches the file holds exactly as they were.
 */
unchanged: number, 
/**
 * Punches corrected or typed in by hand on those days: kept as they are.
 */
kept_by_hand: number, 
/**
 * The file's punches for a person and day that has a punch corrected
 * or typed in by hand: left out, so the correction stands.
 */
left_out: number, };

export type PunchImportOutcome = { replaced: PunchReplace, unmatched_rows: number, 
/**
 * The pay period holding the first day imported, to show next.
 */
period_start: string, };

export type PeriodChoice = { start: string, end: string, approved: boolean, current: boolean, punches: number, };

export type PeriodChoices = { 
/**
 * Newest first: the current period, then the closed ones.
 */
periods: Array<PeriodChoice>, 
/**
 * The one to open on: the newest closed period not yet approved that
 * has punches, else the last closed period.
 */
selected: string, };

export type ExceptionKind = "missed_punch" | "early_in" | "late_arrival" | "left_early" | "late_out" | "no_show" | "unscheduled" | "incidental_overtime";

export type ExceptionRow = { staff_id: number, name: string, employee_no: string, workday: string, kind: ExceptionKind, kind_label: string, minutes: number, cost_cents: number, reason: string, approved: boolean, 
/**
 * The punch to correct (a missed punch, a late out), if one is there.
 */
punch_id: number | null, };

export type PayCodeMinutes = { 
/**
 * "REG", "OT", "PTO", "SICK"…, as payroll systems name them.
 */
code: string, label: string, minutes: number, 
/**
 * Paid hours in hundredths (`paid_hours`): a person's minutes rounded
 * once; a total, the sum of its people's (what the payroll rows pay).
 */
hundredths: number, };

export type PunchLine = { id: number, workday: string, 
/**
 * "HH:MM", or null for a missed punch.
 */
clock_in: string | null, clock_out: string | null, 
/**
 * The out is on a later day than the workday (a night).
 */
out_next_day: boolean, meal_minutes: number, 
/**
 * Real minutes less the meal; null while a half is missing.
 */
worked_minutes: number | null, pay_code: string | null, 
/**
 * Why it was typed in or corrected by hand; null as the clock gave it.
 */
correction: string | null, 
/**
 * Corrected after the period was approved.
 */
after_approval: boolean, };

export type Timecard = { staff_id: number, name: string, employee_no: string, scheduled_minutes: number, 
/**
 * Paid worked minutes (rounded punches less meals), regular and overtime.
 */
worked_minutes: number, regular_minutes: number, overtime_minutes: number, time_off_minutes: number, by_code: Array<PayCodeMinutes>, open_exceptions: number, punches: Array<PunchLine>, 
/**
 * A punch of theirs was corrected or typed in after approval.
 */
changed_after_approval: boolean, };

export type PeriodSummary = { people: number, scheduled_minutes: number, worked_minutes: number, overtime_minutes: number, time_off_minutes: number, by_code: Array<PayCodeMinutes>, exceptions: number, open_exceptions: number, incidental_overtime_cents: number, };

export type PersonChoice = { id: number, name: string, };

export type PayPeriodView = { start: string, end: string, 
/**
 * Local "YYYY-MM-DD HH:MM" when approved.
 */
approved_at: string | null, grace_minutes: number, rounding_label: string, exceptions: Array<ExceptionRow>, timecards: Array<Timecard>, summary: PeriodSummary, people: Array<PersonChoice>, punch_count: number, 
/**
 * "Changed after approval: +1.0 h since payroll was exported", when
 * the approved period was changed; null otherwise.
 */
after_approval: string | null, };

export type WorkedMark = "as_scheduled" | "exception" | "no_show" | "unscheduled";

export type WorkedCell = { staff_id: number, date: string, mark: WorkedMark, 
/**
 * "Clock 18:52–07:09, worked 11 h 47 min · Late out 39 min: …".
 */
text: string, };

export type PunchInput = { 
/**
 * Whose punch (for a new one; a correction keeps the person).
 */
staff_id: number | null, workday: string, clock_in: string, clock_out: string, meal_minutes: string, reason: string, };

export type NoShowAs = "call_out" | "time_off";

export type PayrollLayout = "by_period" | "by_day";

export type PayrollSaved = { path: string, changed: string | null, };

export type Rounding = "none" | "6" | "15";

export type AttendanceSettings = { grace_minutes: number, rounding: Rounding, 
/**
 * A clock file with no meal column: deduct the scheduled shift's
 * unpaid break from clocked shifts of 6 h or more.
 */
deduct_missing_meal: boolean, };

export type AttendanceSettingsInput = { grace_minutes: string, rounding: Rounding, deduct_missing_meal: boolean, };

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

export const DIFFERENTIAL_KINDS: { code: DifferentialKind; label: string }[] = [
  { code: "none", label: "None" },
  { code: "percent", label: "% of the base rate" },
  { code: "per_hour", label: "$ per hour" },
];

export const SEEDS: { code: Seed; label: string }[] = [
  { code: "empty", label: "Empty" },
  { code: "previous", label: "Copy the previous period" },
  { code: "rotation", label: "Repeat the last two weeks" },
];

export const PERIOD_STATUSES: { code: PeriodStatus; label: string }[] = [
  { code: "draft", label: "Draft" },
  { code: "published", label: "Published" },
];

export const TIME_OFF_KINDS: { code: TimeOffKind; label: string }[] = [
  { code: "pto", label: "Paid time off" },
  { code: "sick", label: "Sick" },
  { code: "education", label: "Education" },
  { code: "fmla", label: "FMLA leave" },
  { code: "other", label: "Other" },
];

export const TIME_OFF_STATUSES: { code: TimeOffStatus; label: string }[] = [
  { code: "requested", label: "Requested" },
  { code: "approved", label: "Approved" },
  { code: "denied", label: "Denied" },
];

export const RULE_CODES: { code: RuleCode; label: string }[] = [
  { code: "double_booking", label: "Double booking" },
  { code: "rest", label: "Rest below the minimum" },
  { code: "consecutive", label: "Too many shifts in a row" },
  { code: "day_after_night", label: "Day shift straight after a night" },
  { code: "weekly_hours", label: "Over the weekly hours" },
  { code: "period_hours", label: "Over the pay-period hours" },
  { code: "weekends", label: "Too many weekends" },
  { code: "time_off", label: "Scheduled during time off" },
  { code: "leave", label: "Scheduled during a leave of absence" },
  { code: "credential", label: "Expired credential" },
  { code: "skill_missing", label: "Required skill missing" },
  { code: "coverage", label: "Coverage below minimum" },
];

export const SEVERITIES: { code: Severity; label: string }[] = [
  { code: "block", label: "Blocks the assignment" },
  { code: "warn", label: "Warning" },
];

export const COVERAGE_STATUSES: { code: CoverageStatus; label: string }[] = [
  { code: "short", label: "Below the minimum" },
  { code: "under_target", label: "Below the target" },
  { code: "ok", label: "Covered" },
  { code: "none", label: "No need" },
];

export const BUDGET_CATEGORIES: { code: Category; label: string }[] = [
  { code: "productive_salaries", label: "Productive salaries" },
  { code: "overtime", label: "Overtime" },
  { code: "agency", label: "Agency / contract labor" },
  { code: "benefits", label: "Benefits" },
  { code: "medical_supplies", label: "Medical supplies" },
  { code: "pharmacy", label: "Pharmacy" },
  { code: "equipment", label: "Equipment" },
  { code: "education_travel", label: "Education / travel" },
  { code: "purchased_services", label: "Purchased services" },
  { code: "other", label: "Other" },
];

export const SPREADS: { code: Spread; label: string }[] = [
  { code: "even", label: "Evenly over the months" },
  { code: "days", label: "By days in the month" },
  { code: "typed", label: "Typed per month" },
];

export const HOURS_SOURCES: { code: HoursSource; label: string }[] = [
  { code: "schedule", label: "From the schedule" },
  { code: "clocked", label: "From the time clock" },
  { code: "mixed", label: "From the time clock where punches are in, the schedule after" },
  { code: "typed", label: "Typed or imported" },
  { code: "missing", label: "No schedule and nothing typed" },
];

export const STAFF_FIELDS: { code: StaffField; label: string }[] = [
  { code: "employee_no", label: "Employee number" },
  { code: "first_name", label: "First name" },
  { code: "last_name", label: "Last name" },
  { code: "full_name", label: "Full name (Last, First)" },
  { code: "role", label: "Role" },
  { code: "job_code", label: "Job code" },
  { code: "job_title", label: "Job title" },
  { code: "employment_type", label: "Employment type" },
  { code: "fte", label: "FTE" },
  { code: "hourly_rate", label: "Hourly rate" },
  { code: "hire_date", label: "Hire date" },
  { code: "seniority_date", label: "Seniority date" },
  { code: "termination_date", label: "Termination date" },
  { code: "status", label: "Status" },
  { code: "department", label: "Department" },
  { code: "phone", label: "Phone" },
  { code: "email", label: "Email" },
  { code: "notes", label: "Notes" },
];

export const EMPLOYMENT_FROM: { code: EmploymentFrom; label: string }[] = [
  { code: "fte", label: "From the FTE" },
  { code: "one", label: "One type for every new person" },
];

export const HR_STATUSES: { code: HrStatus; label: string }[] = [
  { code: "active", label: "Active" },
  { code: "leave", label: "On leave (kept active)" },
  { code: "terminated", label: "Left (terminated)" },
];

export const DATE_ORDERS: { code: DateOrder; label: string }[] = [
  { code: "month_first", label: "Month first (03/04/2019 is March 4)" },
  { code: "day_first", label: "Day first (03/04/2019 is 3 April)" },
];

export const ROLE_HOWS: { code: RoleHow; label: string }[] = [
  { code: "chosen", label: "Chosen" },
  { code: "remembered", label: "Remembered" },
  { code: "known", label: "Wardbook's name" },
  { code: "guessed", label: "Guessed from the title" },
  { code: "from_code", label: "Guessed from the job code" },
  { code: "missing", label: "Choose a role" },
];

export const HISTORY_KINDS: { code: HistoryKind; label: string }[] = [
  { code: "staff", label: "Staff" },
  { code: "credentials", label: "Credentials" },
  { code: "trainings", label: "Trainings and evaluations" },
  { code: "schedule", label: "Schedule" },
  { code: "time_off", label: "Time off" },
  { code: "budget", label: "Budget" },
  { code: "department", label: "Department and settings" },
  { code: "other", label: "Other" },
];

export const REPORT_KINDS: { code: ReportKind; label: string }[] = [
  { code: "schedule", label: "Schedule" },
  { code: "coverage", label: "Coverage by shift and day" },
  { code: "credentials", label: "Credential compliance" },
  { code: "budget_variance", label: "Budget variance" },
  { code: "roster", label: "Staff roster" },
  { code: "hours", label: "Hours for payroll" },
  { code: "timecards", label: "Timecard sign-off" },
  { code: "fairness", label: "Fairness over time" },
];

export const PAPERS: { code: Paper; label: string }[] = [
  { code: "letter", label: "US Letter" },
  { code: "a4", label: "A4" },
];

export const ROUNDINGS: { code: Rounding; label: string }[] = [
  { code: "none", label: "No rounding" },
  { code: "6", label: "To the nearest 6 minutes" },
  { code: "15", label: "To the nearest 15 minutes" },
];

export const EXCEPTION_KINDS: { code: ExceptionKind; label: string }[] = [
  { code: "missed_punch", label: "Missed punch" },
  { code: "early_in", label: "Early in" },
  { code: "late_arrival", label: "Late arrival" },
  { code: "left_early", label: "Left early" },
  { code: "late_out", label: "Late out" },
  { code: "no_show", label: "No-show" },
  { code: "unscheduled", label: "Unscheduled shift" },
  { code: "incidental_overtime", label: "Incidental overtime" },
];

/** The arguments of a command that takes none. */
export type NoArgs = Record<string, never>;

/** Every command the window may call: its arguments and its result. */
export interface Commands {
  app_status: { args: NoArgs; result: AppStatus };
  app_ready: { args: { screen: string }; result: null };
  attendance_periods: { args: NoArgs; result: PeriodChoices };
  attendance_period: { args: { start: string }; result: PayPeriodView };
  schedule_worked: { args: { period_id: number }; result: Array<WorkedCell> };
  attendance_csv_open: { args: NoArgs; result: CsvFile | null };
  attendance_import_columns: { args: { text: string }; result: PunchImportColumns };
  attendance_import_preview: { args: { text: string; mapping: PunchMapping }; result: PunchImportPreview };
  attendance_import: { args: { text: string; mapping: PunchMapping }; result: PunchImportOutcome };
  attendance_exception_approve: { args: { start: string; staff_id: number; workday: string; kind: ExceptionKind }; result: PayPeriodView };
  attendance_punch_correct: { args: { start: string; id: number; input: PunchInput }; result: PayPeriodView };
  attendance_punch_add: { args: { start: string; input: PunchInput }; result: PayPeriodView };
  attendance_period_approve: { args: { start: string }; result: PayPeriodView };
  attendance_payroll_save: { args: { start: string; layout: PayrollLayout }; result: PayrollSaved | null };
  attendance_settings: { args: NoArgs; result: AttendanceSettings };
  attendance_settings_save: { args: { input: AttendanceSettingsInput }; result: AttendanceSettings };
  attendance_no_show: { args: { start: string; staff_id: number; workday: string; resolve_as: NoShowAs; kind: TimeOffKind; paid: boolean }; result: PayPeriodView };
  backups_list: { args: NoArgs; result: Array<BackupFile> };
  backup_now: { args: NoArgs; result: BackupFile };
  backups_remove_unencrypted: { args: NoArgs; result: number };
  backup_inspect: { args: { name: string; passphrase: string | null }; result: BackupSummary };
  backup_restore: { args: { name: string; passphrase: string | null }; result: RestoreOutcome };
  damaged_start_new: { args: NoArgs; result: string };
  fiscal_years_list: { args: NoArgs; result: FiscalYears };
  fiscal_year_create: { args: { input: FiscalYearInput }; result: FiscalYear };
  fiscal_year_delete: { args: { id: number }; result: null };
  budget_sheet: { args: { fiscal_year_id: number }; result: BudgetSheet };
  budget_line_save: { args: { fiscal_year_id: number; id: number | null; input: BudgetLineInput }; result: BudgetLine };
  budget_line_delete: { args: { id: number }; result: null };
  budget_actual_save: { args: { input: ActualInput }; result: BudgetSheet };
  budget_explanation_save: { args: { line_id: number; month: number; explanation: string }; result: null };
  expenses_list: { args: { fiscal_year_id: number; query: ExpenseQuery }; result: Array<Expense> };
  expense_save: { args: { id: number | null; input: ExpenseInput }; result: Expense };
  expense_delete: { args: { id: number }; result: null };
  budget_csv_open: { args: NoArgs; result: CsvFile | null };
  budget_import_columns: { args: { text: string }; result: ImportColumns };
  budget_import_preview: { args: { fiscal_year_id: number; text: string; mapping: ImportMapping }; result: ImportPreview };
  budget_import: { args: { fiscal_year_id: number; text: string; mapping: ImportMapping }; result: ImportOutcome };
  budget_account_map: { args: { fiscal_year_id: number }; result: AccountMap };
  budget_account_map_save: { args: { fiscal_year_id: number; input: AccountMapInput }; result: AccountMap };
  budget_account_map_remove: { args: { fiscal_year_id: number; account: string }; result: AccountMap };
  budget_cost_centre_save: { args: { code: string; ours: boolean }; result: Array<string> };
  budget_variance: { args: { fiscal_year_id: number; month: number | null }; result: VarianceReport };
  budget_targets: { args: { fiscal_year_id: number }; result: Targets };
  budget_volumes_save: { args: { fiscal_year_id: number; rows: Array<VolumeInput> }; result: Targets };
  budget_targets_save: { args: { fiscal_year_id: number; input: TargetsInput }; result: Targets };
  budget_productivity: { args: { fiscal_year_id: number }; result: ProductivityReport };
  budget_labor_cost: { args: { fiscal_year_id: number }; result: Array<LaborCostMonth> };
  credential_types_list: { args: NoArgs; result: Array<CredentialType> };
  credential_type_save: { args: { id: number | null; input: CredentialTypeInput }; result: CredentialType };
  credential_type_delete: { args: { id: number }; result: null };
  credential_save: { args: { staff_id: number; id: number | null; input: CredentialInput }; result: Credential };
  credential_delete: { args: { staff_id: number; id: number }; result: null };
  dashboard: { args: NoArgs; result: Dashboard };
  department_create: { args: { input: DepartmentInput }; result: Department };
  department_update: { args: { input: DepartmentInput }; result: Department };
  sample_create: { args: NoArgs; result: Department };
  time_zones: { args: NoArgs; result: Array<string> };
  department_file_export: { args: NoArgs; result: ExportOutcome | null };
  department_file_open: { args: NoArgs; result: DepartmentFileSummary | null };
  department_file_import: { args: { replace: boolean }; result: DepartmentImportOutcome };
  history_list: { args: { query: HistoryQuery }; result: HistoryPage };
  history_verify: { args: NoArgs; result: HistoryCheck };
  history_record_outside_changes: { args: NoArgs; result: number };
  history_note_cut: { args: NoArgs; result: number };
  report_options: { args: NoArgs; result: ReportOptions };
  report_save: { args: { kind: ReportKind; format: ReportFormat; request: ReportRequest }; result: string | null };
  requests_for_period: { args: { period_id: number }; result: Array<StaffRequest> };
  request_save: { args: { input: StaffRequestInput }; result: StaffRequest };
  request_delete: { args: { staff_id: number; date: string }; result: null };
  request_rules: { args: NoArgs; result: RequestRules };
  request_rules_save: { args: { input: RequestRulesInput }; result: RequestRules };
  requests_sheet_save: { args: { period_id: number }; result: string | null };
  requests_csv_open: { args: NoArgs; result: CsvFile | null };
  requests_import_preview: { args: { period_id: number; text: string; options: RequestImportOptions }; result: RequestImportPreview };
  requests_import: { args: { period_id: number; text: string; options: RequestImportOptions }; result: RequestImportOutcome };
  shift_types_list: { args: NoArgs; result: Array<ShiftType> };
  shift_type_save: { args: { id: number | null; input: ShiftTypeInput }; result: ShiftType };
  shift_type_delete: { args: { id: number }; result: null };
  schedule_rules_get: { args: NoArgs; result: RulesForm };
  schedule_rules_save: { args: { input: RulesInput }; result: RulesForm };
  holiday_save: { args: { date: string; name: string }; result: Array<Holiday> };
  holiday_delete: { args: { date: string }; result: Array<Holiday> };
  coverage_list: { args: NoArgs; result: Array<CoverageLine> };
  coverage_save: { args: { lines: Array<CoverageLine> }; result: Array<CoverageLine> };
  ratio_presets: { args: NoArgs; result: Array<RatioPreset> };
  coverage_from_census: { args: { shift_type_id: number; census: string; patients_per_nurse: string }; result: CoverageLine };
  schedule_fill_start: { args: { period_id: number; options: FillOptions; on_event: Channel<FillEvent> }; result: null };
  schedule_fill_stop: { args: { period_id: number }; result: null };
  schedule_fill_accept: { args: { period_id: number }; result: ScheduleView };
  schedule_fill_last: { args: { period_id: number }; result: FillLast | null };
  schedule_fill_discard: { args: { period_id: number }; result: null };
  assignment_lock: { args: { period_id: number; staff_id: number; date: string; locked: boolean }; result: ScheduleView };
  periods_list: { args: NoArgs; result: Array<SchedulePeriod> };
  period_create: { args: { weeks: number; seed: Seed; start_date: string | null }; result: SchedulePeriod };
  period_publish: { args: { id: number }; result: SchedulePeriod };
  period_delete: { args: { id: number }; result: null };
  schedule_view: { args: { period_id: number }; result: ScheduleView };
  assignment_set: { args: { period_id: number; staff_id: number; date: string; shift_code: string }; result: AssignOutcome };
  assignment_clear: { args: { period_id: number; staff_id: number; date: string }; result: ScheduleView };
  call_out: { args: { period_id: number; staff_id: number; date: string; reason: string }; result: CallOutView };
  call_out_fill: { args: { period_id: number; staff_id: number; date: string; shift_code: string }; result: AssignOutcome };
  schedule_csv: { args: { period_id: number }; result: string };
  schedule_export_csv: { args: { period_id: number }; result: string | null };
  window_print: { args: NoArgs; result: null };
  swap_preview: { args: { input: SwapInput }; result: SwapPreview };
  swap_approve: { args: { input: SwapInput }; result: ScheduleView };
  swap_decline: { args: { input: SwapInput }; result: null };
  swaps_for_period: { args: { period_id: number }; result: Array<ShiftSwap> };
  time_off_list: { args: { status: TimeOffStatus | null }; result: Array<TimeOffRequest> };
  time_off_save: { args: { id: number | null; input: TimeOffInput }; result: TimeOffRequest };
  time_off_decide: { args: { id: number; approve: boolean; remove_shifts: boolean }; result: TimeOffRequest };
  time_off_shifts: { args: { id: number }; result: Array<OverlappingShift> };
  time_off_delete: { args: { id: number }; result: null };
  app_unlock: { args: { passphrase: string }; result: null };
  app_lock: { args: NoArgs; result: boolean };
  app_activity: { args: NoArgs; result: null };
  passphrase_set: { args: { input: PassphraseInput }; result: null };
  passphrase_remove: { args: { input: PassphraseInput }; result: null };
  storage_settings_get: { args: NoArgs; result: StorageSettings };
  storage_settings_save: { args: { input: StorageSettingsInput }; result: StorageSettings };
  skills_list: { args: NoArgs; result: Array<Skill> };
  skill_save: { args: { id: number | null; name: string }; result: Skill };
  skill_delete: { args: { id: number }; result: null };
  staff_list: { args: { query: StaffQuery }; result: Array<StaffRow> };
  staff_detail: { args: { id: number }; result: StaffDetail };
  staff_create: { args: { input: StaffInput }; result: Staff };
  staff_update: { args: { id: number; input: StaffInput }; result: Staff };
  staff_terminate: { args: { id: number; last_day: string }; result: Staff };
  staff_reactivate: { args: { id: number }; result: Staff };
  staff_csv_open: { args: NoArgs; result: CsvFile | null };
  staff_import_columns: { args: { text: string }; result: StaffImportColumns };
  staff_import_preview: { args: { text: string; mapping: StaffImportMapping }; result: StaffImportPreview };
  staff_import: { args: { text: string; mapping: StaffImportMapping }; result: StaffImportOutcome };
  training_save: { args: { staff_id: number; id: number | null; input: TrainingInput }; result: Training };
  training_delete: { args: { staff_id: number; id: number }; result: null };
}

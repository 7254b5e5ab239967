// The schedule types, generated from the Rust types into bindings.ts; the
// schedule UI imports them from here, in one place.

export type {
  AssignOutcome, CallOutView, Candidate, Cell, CoverageCount, CoverageLine, CoverageRow, CoverageStatus, DayInfo,
  Differential, DifferentialKind, Excluded, GridCell, GridRow, Holiday, PeriodCost, PeriodStatus, PersonCost,
  RatioPreset, Requirement, RowTotals, RuleCode, RulesForm, RulesInput, ScheduleView, SchedulePeriod, Seed, Severity,
  ShiftCost, ShiftType, FillChange, FillEvent, FillHours, FillLast, FillOptions, FillProgress, FillSummary, FillStaffing, StaffTo, ShiftTypeInput, StaffGroup, TimeOffInput, TimeOffKind, TimeOffRequest, TimeOffStatus, OverlappingShift, Violation,
} from './bindings';
export { TIME_OFF_KINDS } from './bindings';

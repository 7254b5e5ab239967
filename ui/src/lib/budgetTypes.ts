// The budget types, generated from the Rust types into bindings.ts; the
// budget UI imports them from here, in one place.

export type {
  AccountMap, AccountMapInput, FileCostCentre, LineChoice, MappedAccount, UnknownAccount,
  ActualInput, BudgetLine, BudgetLineInput, BudgetSheet, Category, ChartMonth, CsvFile, Expense, ExpenseInput,
  ExpenseQuery, FiscalYear, FiscalYearInput, FiscalYears, FteBudget, FteBudgetInput, HoursSource, ImportColumns,
  ImportMapping, ImportChange, ImportOutcome, ImportPreview, ImportRow, ImportTotal, LaborCostMonth, MonthCell, MonthInfo,
  PositionLine, ProductivityMonth, ProductivityReport, SheetLine, Spread, Targets, TargetsInput, Variance,
  VarianceFigures, VarianceLine, VarianceReport, VolumeInput, VolumeMonth,
} from './bindings';
export { BUDGET_CATEGORIES, HOURS_SOURCES, SPREADS } from './bindings';

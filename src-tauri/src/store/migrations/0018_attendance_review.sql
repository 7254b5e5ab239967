-- Time off that replaced a scheduled shift (a no-show turned into sick or
-- PTO on the timecard): the paid minutes of the shift it replaced, so the
-- day pays what the shift would have paid (its length less the unpaid
-- break) after the shift is taken off the schedule. NULL for time off
-- asked for ahead, which pays the person's FTE daily hours on weekdays.
ALTER TABLE time_off ADD COLUMN shift_minutes INTEGER CHECK (shift_minutes IS NULL OR shift_minutes >= 0);

-- What an approved pay period paid (worked and paid time off, in minutes)
-- when it was approved and when its payroll file was last exported, so a
-- change after approval is shown with its difference.
ALTER TABLE pay_period_approval ADD COLUMN approved_minutes INTEGER;
ALTER TABLE pay_period_approval ADD COLUMN exported_at TEXT;
ALTER TABLE pay_period_approval ADD COLUMN exported_minutes INTEGER;

-- Time off that replaced a scheduled shift (a no-show turned into sick or
-- PTO on the timecard): the paid minutes of the shift it replaced, so the
-- day pays what the shift would have paid (its length less the unpaid
-- break) after the shift is taken off the schedule. NULL for time off
-- asked for ahead, which pays the person's FTE daily hours on weekdays.
ALTER TABLE time_off ADD COLUMN shift_minutes INTEGER CHECK (shift_minutes IS NULL OR shift_minutes >= 0);

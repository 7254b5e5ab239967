-- The scheduled shifts on the days of approved time off, and what the
-- manager chose for each when approving it:
-- - removed (kept = 0): the shift was taken off the schedule with the time
--   off (approved from the Schedule with "approve and remove", or a no-show
--   turned into time off on the timecard); the day pays the shift's paid
--   minutes, what it would have paid. This replaces time_off.shift_minutes
--   (one day only), whose values are carried over; that column is no
--   longer read.
-- - kept (kept = 1): the manager kept the shift ("approve and keep"); the
--   person works that day and the time off does not cover it, so no rule
--   is broken and the day is not paid as time off (while the shift is
--   still there).
CREATE TABLE time_off_shift (
    time_off_id INTEGER NOT NULL REFERENCES time_off(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    kept INTEGER NOT NULL DEFAULT 0 CHECK (kept IN (0, 1)),
    PRIMARY KEY (time_off_id, date)
);

INSERT INTO time_off_shift (time_off_id, date, minutes)
    SELECT id, from_date, shift_minutes FROM time_off WHERE shift_minutes IS NOT NULL;

-- The department's rule for a time clock whose file has no meal column:
-- deduct the scheduled shift's unpaid break from a clocked shift of 6 hours
-- or more (1, the default), or pay it as clocked (0).
ALTER TABLE attendance_settings ADD COLUMN deduct_missing_meal INTEGER NOT NULL DEFAULT 1
    CHECK (deduct_missing_meal IN (0, 1));

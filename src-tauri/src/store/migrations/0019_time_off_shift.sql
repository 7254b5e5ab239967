-- The paid minutes of each scheduled shift that approved time off replaced
-- (taken off the schedule with it: approved from the Schedule with "approve
-- and remove", or a no-show turned into time off on the timecard), by day,
-- so each such day pays what its shift would have paid. A request of
-- several days keeps one row per shift. This replaces
-- time_off.shift_minutes (one day only), whose values are carried over;
-- that column is no longer read.
CREATE TABLE time_off_shift (
    time_off_id INTEGER NOT NULL REFERENCES time_off(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    PRIMARY KEY (time_off_id, date)
);

INSERT INTO time_off_shift (time_off_id, date, minutes)
    SELECT id, from_date, shift_minutes FROM time_off WHERE shift_minutes IS NOT NULL;

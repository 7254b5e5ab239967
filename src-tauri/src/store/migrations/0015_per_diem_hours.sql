-- Per diem staff: at most this many hours per pay period (default 36 h). Hard
-- for the Fill, a warning on the grid like the other hour limits.

ALTER TABLE schedule_rules ADD COLUMN per_diem_period_hours_limit_minutes INTEGER NOT NULL DEFAULT 2160;

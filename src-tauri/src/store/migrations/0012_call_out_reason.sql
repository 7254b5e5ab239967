-- Why someone called out ("sick", "child care"), as the manager noted it when
-- recording the call-out; empty when not given. Shown with the call-out on
-- its cell. Its length (120) is checked by the form and the department file.

ALTER TABLE call_out ADD COLUMN reason TEXT NOT NULL DEFAULT '';

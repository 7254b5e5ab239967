-- The skills a job title gives the people the staff (HR) import adds with it
-- ("RN - Charge Nurse" → Charge), chosen in the preview and remembered with
-- the title's role: a JSON array of skill ids. Skills deleted since are
-- ignored when read.

ALTER TABLE staff_import_role ADD COLUMN skill_ids TEXT NOT NULL DEFAULT '[]';

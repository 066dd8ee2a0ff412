-- Version 3: the file a bundle was last opened from (feeds the desktop's recent list; a path, not data), and the
-- idle auto-lock default lowered from 15 to 10 minutes (no released version could change the setting before).

ALTER TABLE bundles ADD COLUMN IF NOT EXISTS last_file VARCHAR(4096);

UPDATE settings SET setting_value = '10' WHERE name = 'idle_lock_minutes' AND setting_value = '15';

CREATE TABLE `status_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`occurred_on` text NOT NULL,
	`user_id` integer,
	`recorded_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`reason` text,
	`lost_to` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_changes_project_idx` ON `status_changes` (`project_id`,`occurred_on`,`to_status`);--> statement-breakpoint
CREATE INDEX `status_changes_occurred_idx` ON `status_changes` (`occurred_on`);--> statement-breakpoint
ALTER TABLE `commitments` ADD `cancelled_on` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `signing_verified_on` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `addressed_to` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `issued_by` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `issued_on` text;--> statement-breakpoint
-- The status log starts with each project's entry as 进行中 on its 线索日期 …
INSERT INTO `status_changes` (`project_id`, `from_status`, `to_status`, `occurred_on`, `user_id`, `recorded_at`)
  SELECT p.`id`, NULL, 'active', (SELECT min(sc.`occurred_on`) FROM `stage_changes` sc WHERE sc.`project_id` = p.`id` AND sc.`from_stage` IS NULL),
         p.`created_by`, p.`created_at`
  FROM `projects` p ORDER BY p.`id`;--> statement-breakpoint
-- … then every status change the audit log recorded, dated by when it was recorded (Asia/Shanghai),
-- never before the 线索日期 …
INSERT INTO `status_changes` (`project_id`, `from_status`, `to_status`, `occurred_on`, `user_id`, `recorded_at`, `reason`, `lost_to`)
  SELECT a.`entity_id`, json_extract(a.`changes`, '$.status[0]'), json_extract(a.`changes`, '$.status[1]'),
         max(date(a.`at` / 1000, 'unixepoch', '+8 hours'), e.`occurred_on`), a.`user_id`, a.`at`,
         json_extract(a.`changes`, '$.statusReason[1]'), json_extract(a.`changes`, '$.lostTo[1]')
  FROM `audit_log` a JOIN `status_changes` e ON e.`project_id` = a.`entity_id` AND e.`from_status` IS NULL
  WHERE a.`entity_type` = 'project' AND a.`action` <> 'create' AND json_extract(a.`changes`, '$.status[1]') IS NOT NULL
  ORDER BY a.`id`;--> statement-breakpoint
-- … and, where neither explains the current status, the change to it on the project's last update.
INSERT INTO `status_changes` (`project_id`, `from_status`, `to_status`, `occurred_on`, `user_id`, `recorded_at`, `reason`, `lost_to`)
  SELECT p.`id`, last.`to_status`, p.`status`, max(date(p.`updated_at` / 1000, 'unixepoch', '+8 hours'), last.`occurred_on`),
         NULL, p.`updated_at`, p.`status_reason`, p.`lost_to`
  FROM `projects` p
  JOIN `status_changes` last ON last.`id` = (SELECT s.`id` FROM `status_changes` s WHERE s.`project_id` = p.`id` ORDER BY s.`occurred_on` DESC, s.`id` DESC LIMIT 1)
  WHERE last.`to_status` <> p.`status`
  ORDER BY p.`id`;--> statement-breakpoint
-- 甄别 gets its business date; a signing is never verified before it is dated.
UPDATE `projects` SET `signing_verified_on` = max(date(`signing_verified_at` / 1000, 'unixepoch', '+8 hours'), `signed_on`)
  WHERE `signing_verified_at` IS NOT NULL AND `signed_on` IS NOT NULL;--> statement-breakpoint
-- The signing date is the 发生日期 of the first transition reaching 签约 or beyond (DESIGN.md §2).
UPDATE `projects` SET `signed_on` = (
    SELECT min(sc.`occurred_on`) FROM `stage_changes` sc
    WHERE sc.`project_id` = `projects`.`id` AND sc.`to_stage` IN ('signed', 'registered', 'construction', 'production'))
  WHERE `signed_on` IS NOT NULL AND `signed_on` <> (
    SELECT min(sc.`occurred_on`) FROM `stage_changes` sc
    WHERE sc.`project_id` = `projects`.`id` AND sc.`to_stage` IN ('signed', 'registered', 'construction', 'production'));--> statement-breakpoint
-- 取消 gets its business date: when the audit log recorded it, else the commitment's last update.
UPDATE `commitments` SET `cancelled_on` = coalesce(
    (SELECT date(a.`at` / 1000, 'unixepoch', '+8 hours') FROM `audit_log` a
     WHERE a.`entity_type` = 'commitment' AND a.`entity_id` = `commitments`.`id` AND json_extract(a.`changes`, '$.status[1]') = 'cancelled'
     ORDER BY a.`id` DESC LIMIT 1),
    date(`updated_at` / 1000, 'unixepoch', '+8 hours'))
  WHERE `status` = 'cancelled';

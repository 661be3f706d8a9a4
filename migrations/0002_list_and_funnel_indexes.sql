DROP INDEX `stage_changes_project_idx`;--> statement-breakpoint
CREATE INDEX `stage_changes_entry_idx` ON `stage_changes` (`occurred_on`,`project_id`) WHERE "stage_changes"."from_stage" is null;--> statement-breakpoint
CREATE INDEX `stage_changes_project_idx` ON `stage_changes` (`project_id`,`occurred_on`,`to_stage`);--> statement-breakpoint
CREATE INDEX `projects_unit_stage_idx` ON `projects` (`unit_id`,`stage`);--> statement-breakpoint
CREATE INDEX `projects_stage_status_idx` ON `projects` (`stage`,`status`);
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`category` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`deleted_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_entity_idx` ON `attachments` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha_idx` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `form_submissions` (
	`token` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`location` text NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `form_submissions_at_idx` ON `form_submissions` (`at`);--> statement-breakpoint
CREATE TABLE `operation_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`user_id` integer,
	`username` text,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`address` text,
	`entity_type` text,
	`entity_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `operation_log_at_idx` ON `operation_log` (`at`);--> statement-breakpoint
CREATE INDEX `operation_log_kind_idx` ON `operation_log` (`kind`,`at`);--> statement-breakpoint
CREATE INDEX `operation_log_user_idx` ON `operation_log` (`user_id`,`at`);--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `cleared` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `login_attempts_username_address_idx` ON `login_attempts` (`username`,`address`,`at`);--> statement-breakpoint
ALTER TABLE `projects` ADD `signing_returned_at` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `signing_returned_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `projects` ADD `signing_return_reason` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `sessions` SET `last_seen_at` = `created_at`;--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `last_sign_in_at` integer;
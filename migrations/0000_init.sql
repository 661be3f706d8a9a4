CREATE TABLE `activities` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer,
	`company_id` integer NOT NULL,
	`type` text NOT NULL,
	`occurred_on` text NOT NULL,
	`participants` text,
	`place` text,
	`summary` text NOT NULL,
	`next_step` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_project_idx` ON `activities` (`project_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `activities_company_idx` ON `activities` (`company_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `activities_creator_idx` ON `activities` (`created_by`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`user_id` integer,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`changes` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE TABLE `chain_node_companies` (
	`node_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`node_id`, `company_id`, `role`),
	FOREIGN KEY (`node_id`) REFERENCES `chain_nodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `chain_node_companies_company_idx` ON `chain_node_companies` (`company_id`);--> statement-breakpoint
CREATE TABLE `chain_nodes` (
	`id` integer PRIMARY KEY NOT NULL,
	`system_id` integer NOT NULL,
	`parent_id` integer,
	`level` text NOT NULL,
	`name` text NOT NULL,
	`path` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`gap_status` text,
	`profile` text,
	`retired_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`system_id`) REFERENCES `chain_systems`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `chain_nodes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `chain_nodes_system_idx` ON `chain_nodes` (`system_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `chain_nodes_parent_idx` ON `chain_nodes` (`parent_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `chain_nodes_path_idx` ON `chain_nodes` (`path`);--> statement-breakpoint
CREATE TABLE `chain_systems` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chain_systems_code_unique` ON `chain_systems` (`code`);--> statement-breakpoint
CREATE TABLE `channels` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channels_name_unique` ON `channels` (`name`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`clause_id` integer NOT NULL,
	`item` text NOT NULL,
	`amount_cny` integer NOT NULL,
	`condition` text,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`cancel_reason` text,
	`proposed_by` integer,
	`committed_by` integer,
	`committed_on` text,
	`fulfilled_on` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clause_id`) REFERENCES `policy_clauses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitments_status_due_idx` ON `commitments` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `commitments_project_idx` ON `commitments` (`project_id`);--> statement-breakpoint
CREATE INDEX `commitments_clause_idx` ON `commitments` (`clause_id`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`foreign_name` text,
	`name_key` text NOT NULL,
	`foreign_name_key` text,
	`uscc` text,
	`country` text NOT NULL,
	`city` text,
	`industry` text,
	`is_fortune500` integer DEFAULT false NOT NULL,
	`is_chain_leader` integer DEFAULT false NOT NULL,
	`is_existing_investor` integer DEFAULT false NOT NULL,
	`description` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_uscc_unique` ON `companies` (`uscc`) WHERE "companies"."uscc" is not null and "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `companies_name_key_idx` ON `companies` (`name_key`);--> statement-breakpoint
CREATE INDEX `companies_foreign_name_key_idx` ON `companies` (`foreign_name_key`);--> statement-breakpoint
CREATE INDEX `companies_country_idx` ON `companies` (`country`,`updated_at`);--> statement-breakpoint
CREATE INDEX `companies_updated_idx` ON `companies` (`updated_at`);--> statement-breakpoint
CREATE INDEX `companies_name_idx` ON `companies` (`name`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`phone` text,
	`email` text,
	`language` text,
	`note` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_company_idx` ON `contacts` (`company_id`);--> statement-breakpoint
CREATE TABLE `fdi_arrivals` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`arrived_on` text NOT NULL,
	`amount_usd` integer NOT NULL,
	`reference` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fdi_arrivals_date_idx` ON `fdi_arrivals` (`arrived_on`);--> statement-breakpoint
CREATE INDEX `fdi_arrivals_project_idx` ON `fdi_arrivals` (`project_id`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`address` text NOT NULL,
	`succeeded` integer NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_username_idx` ON `login_attempts` (`username`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_address_idx` ON `login_attempts` (`address`,`at`);--> statement-breakpoint
CREATE TABLE `park_focus_chains` (
	`park_id` integer NOT NULL,
	`node_id` integer NOT NULL,
	PRIMARY KEY(`park_id`, `node_id`),
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`node_id`) REFERENCES `chain_nodes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `parks` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`focus_countries` text DEFAULT '[]' NOT NULL,
	`available_land_mu` real,
	`standard_factory_sqm` integer,
	`custom_factory_sqm` integer,
	`description` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parks_name_unique` ON `parks` (`name`);--> statement-breakpoint
CREATE INDEX `parks_parent_idx` ON `parks` (`parent_id`);--> statement-breakpoint
CREATE TABLE `payouts` (
	`id` integer PRIMARY KEY NOT NULL,
	`commitment_id` integer NOT NULL,
	`amount_cny` integer NOT NULL,
	`paid_on` text NOT NULL,
	`reference` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payouts_commitment_idx` ON `payouts` (`commitment_id`);--> statement-breakpoint
CREATE INDEX `payouts_paid_idx` ON `payouts` (`paid_on`);--> statement-breakpoint
CREATE TABLE `policies` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`doc_number` text,
	`issuer` text,
	`level` text NOT NULL,
	`issued_on` text,
	`effective_from` text,
	`effective_to` text,
	`repealed_on` text,
	`url` text,
	`summary` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `policies_effective_to_idx` ON `policies` (`effective_to`);--> statement-breakpoint
CREATE TABLE `policy_clauses` (
	`id` integer PRIMARY KEY NOT NULL,
	`policy_id` integer NOT NULL,
	`number` text NOT NULL,
	`text` text NOT NULL,
	`incentive_type` text,
	`formula` text,
	`cap_cny` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`policy_id`) REFERENCES `policies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `policy_clauses_policy_idx` ON `policy_clauses` (`policy_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `project_chain_links` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`node_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`node_id`) REFERENCES `chain_nodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_chain_links_unique` ON `project_chain_links` (`project_id`,`node_id`) WHERE "project_chain_links"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `project_chain_links_node_idx` ON `project_chain_links` (`node_id`);--> statement-breakpoint
CREATE TABLE `project_members` (
	`project_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`project_id`, `user_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_members_user_idx` ON `project_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `project_policy_bases` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`clause_id` integer NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clause_id`) REFERENCES `policy_clauses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_policy_bases_project_idx` ON `project_policy_bases` (`project_id`);--> statement-breakpoint
CREATE INDEX `project_policy_bases_clause_idx` ON `project_policy_bases` (`clause_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`company_id` integer NOT NULL,
	`project_type` text NOT NULL,
	`channel_id` integer,
	`owner_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`park_id` integer,
	`total_investment_usd` integer DEFAULT 0 NOT NULL,
	`contracted_fdi_usd` integer DEFAULT 0 NOT NULL,
	`fixed_asset_investment_cny` integer,
	`land_mu` real,
	`expected_jobs` integer,
	`expected_annual_tax_cny` integer,
	`priority` text DEFAULT 'normal' NOT NULL,
	`next_follow_up_on` text,
	`next_follow_up_item` text,
	`description` text,
	`stage` text DEFAULT 'lead' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`status_reason` text,
	`lost_to` text,
	`signed_on` text,
	`signing_verified_at` integer,
	`signing_verified_by` integer,
	`last_activity_on` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signing_verified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_updated_idx` ON `projects` (`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `projects_unit_idx` ON `projects` (`unit_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `projects_owner_idx` ON `projects` (`owner_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `projects_company_idx` ON `projects` (`company_id`);--> statement-breakpoint
CREATE INDEX `projects_stage_idx` ON `projects` (`stage`,`updated_at`);--> statement-breakpoint
CREATE INDEX `projects_status_idx` ON `projects` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `projects_park_idx` ON `projects` (`park_id`);--> statement-breakpoint
CREATE INDEX `projects_channel_idx` ON `projects` (`channel_id`);--> statement-breakpoint
CREATE INDEX `projects_follow_up_idx` ON `projects` (`next_follow_up_on`);--> statement-breakpoint
CREATE INDEX `projects_investment_idx` ON `projects` (`total_investment_usd`);--> statement-breakpoint
CREATE INDEX `projects_signed_idx` ON `projects` (`signed_on`);--> statement-breakpoint
CREATE INDEX `projects_last_activity_idx` ON `projects` (`owner_id`,`last_activity_on`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`edition` integer NOT NULL,
	`snapshot` text NOT NULL,
	`problems` text,
	`next_month_plan` text,
	`generated_by` integer,
	`generated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`edited_by` integer,
	`edited_at` integer,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`generated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_month_edition_unique` ON `reports` (`month`,`edition`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `stage_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`occurred_on` text NOT NULL,
	`user_id` integer,
	`recorded_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`note` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stage_changes_project_idx` ON `stage_changes` (`project_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `stage_changes_to_idx` ON `stage_changes` (`to_stage`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `stage_changes_occurred_idx` ON `stage_changes` (`occurred_on`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`indicator` text NOT NULL,
	`unit_id` integer,
	`value` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_county_unique` ON `targets` (`year`,`indicator`) WHERE "targets"."unit_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `targets_unit_unique` ON `targets` (`year`,`indicator`,`unit_id`) WHERE "targets"."unit_id" is not null;--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'other' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_name_unique` ON `units` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit_idx` ON `users` (`unit_id`);
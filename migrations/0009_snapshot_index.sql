-- The 储备 snapshot at a date (app/figures/measures.server.ts pipelineAt) reads the projects that
-- have not moved since from this index alone: the pursued ones, with every column the report and
-- the cockpit break the snapshot down by.
CREATE INDEX `projects_snapshot_idx` ON `projects` (`status`,`deleted_at`,`stage`,`signing_verified_on`,`total_investment_usd`,`contracted_fdi_usd`,`company_id`,`unit_id`,`owner_id`,`channel_id`,`park_id`,`project_type`);

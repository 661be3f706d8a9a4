-- Search by folded names, pinyin and initials (DESIGN.md §6, §8). The search text is computed by
-- the app (pinyin and OpenCC have no SQL form): every write path stores it, and rows that predate
-- this migration, left '' here, are filled at the next start (app/companies/search-backfill.server.ts),
-- which also recomputes the duplicate guard's name keys under the new folding.
ALTER TABLE `companies` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `companies_search_pending_idx` ON `companies` (`id`) WHERE "companies"."search_text" = '';--> statement-breakpoint
ALTER TABLE `projects` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `projects_search_pending_idx` ON `projects` (`id`) WHERE "projects"."search_text" = '';--> statement-breakpoint
-- the company index now covers the search text instead of the raw names
DROP TRIGGER `companies_fts_insert`;--> statement-breakpoint
DROP TRIGGER `companies_fts_delete`;--> statement-breakpoint
DROP TRIGGER `companies_fts_update`;--> statement-breakpoint
DROP TABLE `companies_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `companies_fts` USING fts5(search_text, content = 'companies', content_rowid = 'id', tokenize = 'trigram');--> statement-breakpoint
INSERT INTO `companies_fts` (rowid, search_text) SELECT id, search_text FROM `companies`;--> statement-breakpoint
CREATE TRIGGER `companies_fts_insert` AFTER INSERT ON `companies` BEGIN
  INSERT INTO `companies_fts` (rowid, search_text) VALUES (new.id, new.search_text);
END;--> statement-breakpoint
CREATE TRIGGER `companies_fts_delete` AFTER DELETE ON `companies` BEGIN
  INSERT INTO `companies_fts` (`companies_fts`, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;--> statement-breakpoint
CREATE TRIGGER `companies_fts_update` AFTER UPDATE OF search_text ON `companies` BEGIN
  INSERT INTO `companies_fts` (`companies_fts`, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO `companies_fts` (rowid, search_text) VALUES (new.id, new.search_text);
END;--> statement-breakpoint
-- projects get the same index over their own search text
CREATE VIRTUAL TABLE `projects_fts` USING fts5(search_text, content = 'projects', content_rowid = 'id', tokenize = 'trigram');--> statement-breakpoint
INSERT INTO `projects_fts` (rowid, search_text) SELECT id, search_text FROM `projects`;--> statement-breakpoint
CREATE TRIGGER `projects_fts_insert` AFTER INSERT ON `projects` BEGIN
  INSERT INTO `projects_fts` (rowid, search_text) VALUES (new.id, new.search_text);
END;--> statement-breakpoint
CREATE TRIGGER `projects_fts_delete` AFTER DELETE ON `projects` BEGIN
  INSERT INTO `projects_fts` (`projects_fts`, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;--> statement-breakpoint
CREATE TRIGGER `projects_fts_update` AFTER UPDATE OF search_text ON `projects` BEGIN
  INSERT INTO `projects_fts` (`projects_fts`, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO `projects_fts` (rowid, search_text) VALUES (new.id, new.search_text);
END;

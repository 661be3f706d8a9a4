-- Chinese substring search on company names (DESIGN.md §8): an FTS5 index with the trigram
-- tokenizer over name and foreign_name, kept in sync with companies by triggers, so every write
-- path (forms, imports, seeds) updates it. Queries of 3+ characters use it; shorter ones use LIKE.
CREATE VIRTUAL TABLE `companies_fts` USING fts5(
  name,
  foreign_name,
  content = 'companies',
  content_rowid = 'id',
  tokenize = 'trigram'
);
--> statement-breakpoint
INSERT INTO `companies_fts` (rowid, name, foreign_name) SELECT id, name, foreign_name FROM `companies`;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_insert` AFTER INSERT ON `companies` BEGIN
  INSERT INTO `companies_fts` (rowid, name, foreign_name) VALUES (new.id, new.name, new.foreign_name);
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_delete` AFTER DELETE ON `companies` BEGIN
  INSERT INTO `companies_fts` (`companies_fts`, rowid, name, foreign_name) VALUES ('delete', old.id, old.name, old.foreign_name);
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_update` AFTER UPDATE OF name, foreign_name ON `companies` BEGIN
  INSERT INTO `companies_fts` (`companies_fts`, rowid, name, foreign_name) VALUES ('delete', old.id, old.name, old.foreign_name);
  INSERT INTO `companies_fts` (rowid, name, foreign_name) VALUES (new.id, new.name, new.foreign_name);
END;

-- The 看板 (app/projects/board.server.ts) reads each column's count, total and largest cards from
-- this index alone, whatever the scope, 负责单位 or 项目状态 filter.
CREATE INDEX `projects_board_idx` ON `projects` (`stage`,`total_investment_usd`,`deleted_at`,`status`,`unit_id`,`owner_id`);--> statement-breakpoint
-- A project's search text now ends with its company's (app/companies/name-folding.ts
-- projectSearchTextOf), so the project search is one lookup on projects. Rows filled under 0006 get
-- their company's text appended; those whose company still waits for the backfill are left '' and
-- filled with it. The index is rebuilt once instead of row by row.
DROP TRIGGER `projects_fts_update`;--> statement-breakpoint
UPDATE `projects` SET `search_text` = CASE
    WHEN (SELECT c.`search_text` FROM `companies` c WHERE c.`id` = `projects`.`company_id`) = '' THEN ''
    ELSE `search_text` || char(10) || (SELECT c.`search_text` FROM `companies` c WHERE c.`id` = `projects`.`company_id`)
  END
  WHERE `search_text` <> '';--> statement-breakpoint
INSERT INTO `projects_fts` (`projects_fts`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `projects_fts_update` AFTER UPDATE OF search_text ON `projects` BEGIN
  INSERT INTO `projects_fts` (`projects_fts`, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO `projects_fts` (rowid, search_text) VALUES (new.id, new.search_text);
END;--> statement-breakpoint
-- Every write path that renames a company (the form, imports, 撤销导入) keeps its projects' text: the
-- company's old text at the end of a project's is replaced by the new one. A project whose text
-- does not end with it (not filled yet) is left to the backfill.
CREATE TRIGGER `companies_search_to_projects` AFTER UPDATE OF search_text ON `companies`
  WHEN new.search_text <> old.search_text BEGIN
  UPDATE `projects` SET `search_text` = substr(`search_text`, 1, length(`search_text`) - length(old.search_text)) || new.search_text
    WHERE `company_id` = new.id AND `search_text` <> ''
      AND substr(`search_text`, length(`search_text`) - length(old.search_text)) = char(10) || old.search_text;
END;

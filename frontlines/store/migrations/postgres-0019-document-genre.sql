-- Frontlines PostgreSQL schema 19: what kind of text a document is (model.GENRES: report or note), so that
-- re-extraction reads a coder's note as a note again. Documents stored before it are reports.
ALTER TABLE documents ADD COLUMN genre text NOT NULL DEFAULT 'report';

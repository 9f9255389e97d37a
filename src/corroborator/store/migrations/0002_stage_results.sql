-- 0002_stage_results: per-article results of later stages (annotations, ...), as JSON, keyed by the
-- article's content hash and the stage's version, so re-running skips finished work.

CREATE TABLE stage_results (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    stage      TEXT NOT NULL,                -- e.g. 'annotate'
    version    TEXT NOT NULL,                -- the stage's version; a new version recomputes
    data       TEXT NOT NULL CHECK (json_valid(data)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (article_id, stage, version)
) STRICT;

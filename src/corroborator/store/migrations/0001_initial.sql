-- 0001_initial: articles keyed by content hash, source sightings, version links, last ingest's failures.
-- Applied inside one transaction by corroborator.store.sqlite; never edit an applied migration:
-- add 0002_<name>.sql instead (see docs/store.md).

CREATE TABLE articles (
    id                TEXT PRIMARY KEY,          -- RawDocument.content_id: hash of the raw input
    source            TEXT NOT NULL,             -- where it was first read from
    url               TEXT,
    title             TEXT,
    outlet            TEXT,
    byline            TEXT,
    published         TEXT,                      -- ISO date, only when the input states it
    language          TEXT NOT NULL,
    content_type      TEXT NOT NULL,             -- models.ContentType value
    body              TEXT NOT NULL,
    chars             INTEGER NOT NULL,          -- len(body) in code points
    captions          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(captions)),
    removed           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(removed)),
    extractor_version TEXT NOT NULL,             -- stage version that produced body and metadata
    created_at        TEXT NOT NULL              -- ISO 8601 UTC, microseconds
) STRICT;

CREATE INDEX articles_created ON articles (created_at);

-- Every (source, article) pair ever read. One source maps to several articles when its content
-- changed between reads; one article to several sources when the same bytes were read twice.
CREATE TABLE sources (
    source     TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,                    -- strictly increasing per store: latest sighting wins
    PRIMARY KEY (source, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX sources_latest ON sources (source, last_seen);
CREATE INDEX sources_article ON sources (article_id);

-- A changed version of a source is a new article linked to the one it replaces.
CREATE TABLE versions (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    previous_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source      TEXT NOT NULL,
    CHECK (article_id <> previous_id)
) STRICT;

CREATE INDEX versions_previous ON versions (previous_id);

-- The inputs the last ingest could not read; replaced by each ingest.
CREATE TABLE failures (
    id      INTEGER PRIMARY KEY,
    source  TEXT NOT NULL,
    problem TEXT NOT NULL,
    at      TEXT NOT NULL
) STRICT;

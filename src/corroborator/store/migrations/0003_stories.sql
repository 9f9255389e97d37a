-- 0003_stories: the story clusterer's state, one row per thing (so adding one article reads and writes
-- a few rows, not the whole state), and a cache of each story's analysis.
-- Written by corroborator.store.stories; the row formats are in corroborator.cluster.state.

-- Scalars of the clusterer: data version, documents seen, arrival counter, settings fingerprint.
CREATE TABLE cluster_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Document frequency of every term seen.
CREATE TABLE cluster_df (
    term TEXT PRIMARY KEY,
    n    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- One row per clustered article: its story and its state (kept terms, weights, neighbours) as JSON.
CREATE TABLE cluster_members (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,
    seq        INTEGER NOT NULL,                 -- arrival order
    data       TEXT NOT NULL
) STRICT;

CREATE INDEX cluster_members_story ON cluster_members (story_id);

-- Stored articles not in a story yet (filled by a trigger, emptied as they are placed), so finding
-- them costs what there is to place, not a scan of every article.
CREATE TABLE cluster_queue (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

INSERT INTO cluster_queue (article_id) SELECT id FROM articles;

CREATE TRIGGER articles_queue_for_stories AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO cluster_queue (article_id) VALUES (new.id);
END;

-- One row per story: its state (members, centroid, neighbour counts) as JSON, and what listings need.
CREATE TABLE cluster_stories (
    id           TEXT PRIMARY KEY,
    seq          INTEGER NOT NULL,               -- creation order
    size         INTEGER NOT NULL,
    first_day    INTEGER,                        -- proleptic Gregorian ordinals of stated dates
    last_day     INTEGER,
    members_hash TEXT NOT NULL,                  -- hash of the sorted member ids (analysis cache key)
    data         TEXT NOT NULL
) STRICT;

CREATE INDEX cluster_stories_recent ON cluster_stories (last_day);

-- The inverted index over recent articles' strongest terms (the newest max_postings per term).
CREATE TABLE cluster_postings (
    term       TEXT NOT NULL,
    seq        INTEGER NOT NULL,                 -- the article's arrival order
    article_id TEXT NOT NULL,
    PRIMARY KEY (term, seq)
) STRICT, WITHOUT ROWID;

-- The analysis of a story (api.StoryAnalysis as JSON), valid while members_hash and version match.
CREATE TABLE story_analyses (
    story_id     TEXT PRIMARY KEY,
    members_hash TEXT NOT NULL,
    version      TEXT NOT NULL,
    annotated    INTEGER NOT NULL,
    reports      INTEGER NOT NULL,
    data         TEXT NOT NULL CHECK (json_valid(data)),
    created_at   TEXT NOT NULL
) STRICT;

-- Opening a store for writing reads max(last_seen): an index keeps that O(log n) in a large store.
CREATE INDEX sources_last_seen ON sources (last_seen);

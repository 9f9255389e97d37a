-- 0004_queue_previous: a placed article that a newer extractor read otherwise waits in the queue
-- with the title and body it was placed with (JSON {"title": ..., "body": ...}), so placing it again
-- can take its old terms out of the document frequencies before counting its new ones. NULL for an
-- article never placed (its terms were never counted) and for rows queued before this migration.

ALTER TABLE cluster_queue ADD COLUMN previous TEXT CHECK (previous IS NULL OR json_valid(previous));

"""Text reuse between articles: shared passages, candidate pairs at scale, independent reports."""

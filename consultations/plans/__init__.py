"""Plan drafts: the partnership's numbered plan, its headlines, versions, aims, PDF and import."""

"""The ingestion API: feeds, articles and promoting a statement to a claim."""

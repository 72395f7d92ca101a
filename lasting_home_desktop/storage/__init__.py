"""Local, crash-safe storage of children's records and media. No Qt."""

"""Qt widgets only."""

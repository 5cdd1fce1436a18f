"""Storage helpers shared by every store: one transaction per logical change."""

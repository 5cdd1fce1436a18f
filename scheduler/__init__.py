"""Planned sessions and reminders (placeholder until the reminders issue lands)."""

"""Reminder messages and their check-in."""

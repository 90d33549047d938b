"""Widgets of the compose screen, one per file."""

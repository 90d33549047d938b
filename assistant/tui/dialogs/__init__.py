"""Modal dialogs: export, confirm quit, help."""

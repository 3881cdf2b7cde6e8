"""Development-time helpers; nothing here is imported at runtime."""

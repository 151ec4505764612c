"""Readers and writers of other file formats (no Qt, no store)."""

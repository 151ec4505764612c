"""Gesture objects: each turns one piece of user input into at most one edit."""

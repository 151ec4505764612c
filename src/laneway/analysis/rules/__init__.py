"""One function per SPEC §2 rule; each takes a JourneyGraph and returns its findings."""

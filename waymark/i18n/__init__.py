"""Internationalisation: languages Waymark speaks, catalogs, and rendering of responses."""

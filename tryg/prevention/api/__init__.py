"""API of youth-to-youth dialogue: thin adapters over access, selectors and services (same rules as the pages)."""

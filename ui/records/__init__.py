"""The clinical record on screen: consent, courses, progress, signing, follow-ups, practice settings."""

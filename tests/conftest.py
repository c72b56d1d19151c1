"""Shared test settings: hypothesis without deadlines (CI machines are shared and noisy)."""

from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.load_profile("default")

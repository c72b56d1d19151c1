"""Real analyses built on the public powerindex API; each subpackage writes its own report."""

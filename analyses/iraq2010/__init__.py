"""The Iraq 2010 analysis: ``python -m analyses.iraq2010`` writes report.md beside this file."""

"""Algorithms behind the indices (private).

Index functions ask for what they need -- swing counts by coalition size, the number of
winning coalitions, the minimal winning coalitions, the critical players of each winning
coalition -- through :mod:`powerindex._engines.dispatch`, which picks the algorithm.
"""

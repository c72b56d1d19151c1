"""The counting tables follow the memory available, not a fixed cell limit."""

from fractions import Fraction

import pytest

import powerindex as pi
from powerindex._engines import generating


def test_available_memory_is_read_and_bounds_the_tables(monkeypatch):
    monkeypatch.delenv(generating.MEMORY_VARIABLE, raising=False)  # the default rule
    available = generating.available_memory()
    assert available is None or available > 0
    cells = generating.max_cells()
    assert generating.MAX_CELLS <= cells <= generating.CEILING_CELLS
    if available is not None:
        assert cells <= max(generating.MAX_CELLS, available // 2 // 8 + 1)


def test_a_budget_caps_the_tables(monkeypatch):
    monkeypatch.delenv(generating.MEMORY_VARIABLE, raising=False)
    monkeypatch.setattr(generating, "memory_budget", 2**30)  # 1 GiB: half of it, 2**26 words
    assert generating.max_cells() == generating.MAX_CELLS
    monkeypatch.setattr(generating, "memory_budget", 0)
    assert generating.max_cells() == generating.MAX_CELLS  # the floor is always allowed
    monkeypatch.setenv(generating.MEMORY_VARIABLE, "12G")  # the caller's budget still holds
    monkeypatch.setattr(generating, "memory_budget", 2**30)
    assert generating.max_cells() == 2**30 // 8


def _forty_players():
    # 40 players of weights near 1000, a majority quota: the by-size table has
    # (sizes) x (quota) cells, far more than the patched floor below
    weights = [1000 + 7 * i for i in range(40)]
    return pi.WeightedGame(weights, sum(weights) // 2 + 1)


def test_tables_above_the_floor_are_built_when_memory_allows(monkeypatch):
    game = _forty_players()
    cells, _ = generating.table_cells(game.weights, game.quota, True)
    monkeypatch.setattr(generating, "MAX_CELLS", cells // 4)  # the old fixed limit, scaled
    monkeypatch.setattr(generating, "memory_budget", None)
    monkeypatch.delenv(generating.MEMORY_VARIABLE, raising=False)
    result = pi.shapley_shubik(game)
    assert result.method == "generating" and sum(result.values()) == 1
    # equal weights give equal values; here the heaviest player has the most
    assert max(result.values()) == result[game.players[-1]]


def test_tables_beyond_the_memory_allowed_are_refused_with_the_sizes(monkeypatch):
    game = _forty_players()
    cells, _ = generating.table_cells(game.weights, game.quota, True)
    monkeypatch.setattr(generating, "MAX_CELLS", cells // 4)
    monkeypatch.setattr(generating, "CEILING_CELLS", cells // 2)  # the machine's share
    with pytest.raises(pi.GameTooLargeError, match=r"GiB\) for this game, more than"):
        pi.shapley_shubik(game, method="generating")
    assert pi.banzhaf(game).method == "generating"  # by weight only: a smaller table
    assert sum(pi.banzhaf(game).values()) == Fraction(1)


@pytest.mark.parametrize(("setting", "words"), [
    ("12G", 12 * 2**30 // 8), ("800M", 800 * 2**20 // 8), ("5e9", 5 * 10**9 // 8),
    ("16GB", 16 * 2**30 // 8), ("1K", None),
])
def test_the_environment_sets_the_memory(monkeypatch, setting, words):
    monkeypatch.setenv(generating.MEMORY_VARIABLE, setting)
    expected = generating.MAX_CELLS if words is None else max(generating.MAX_CELLS, words)
    assert generating.max_cells() == min(expected, generating.CEILING_CELLS)


def test_a_percentage_of_the_available_memory(monkeypatch):
    monkeypatch.setattr(generating, "available_memory", lambda: 2**33)  # 8 GiB
    monkeypatch.setenv(generating.MEMORY_VARIABLE, "75%")
    assert generating.max_cells() == 3 * 2**31 // 8  # 6 GiB in words


def test_a_malformed_setting_names_the_variable(monkeypatch):
    monkeypatch.setenv(generating.MEMORY_VARIABLE, "lots")
    with pytest.raises(pi.InvalidArgumentError, match="POWERINDEX_MAX_MEMORY='lots'"):
        generating.max_cells()

"""A simple game as classes of interchangeable players and profiles of partners (private).

Two players are *interchangeable* when swapping them changes no coalition's outcome.
Bargaining (:mod:`.bargaining`) reduces a game to classes of interchangeable players
with equal recognition, and a proposer's partners to a *profile*: how many members of
each class it takes. Winning depends on the profile only, since the swaps of players
within a class generate every permutation of it.

Classes come from the swing counts: interchangeable players have equal swings, and in a
weighted game the converse holds. There the heavier of two players i, k is at least as
desirable (S + k wins implies S + i wins for S without both), and counting swings at
S and S + k for every S without both gives swings_i - swings_k = 2 #{S: S + i wins and
S + k loses}, which is 0 only when they are interchangeable (desirability as in Taylor
and Zwicker 1999, *Simple Games*, Princeton University Press). So equal swings and equal
recognition make a class. In any other game the candidates of equal swings are checked
by swapping them in the winning table.
"""

from math import prod

import numpy as np

from .._engines import dispatch
from .._engines.plans import WeightThreshold
from ..errors import GameTooLargeError

__all__ = ["classes_of", "partner_profiles", "MAX_PROFILES"]

#: Most profiles (coalitions counted by class) the bargaining engine enumerates.
MAX_PROFILES = 1 << 21


def classes_of(game, recognition):
    """Lists of player positions, interchangeable and equally recognised, by first member.

    ``recognition`` is one value per player, in player order.
    """
    method = dispatch.resolve_method(game, "auto", dispatch.SWING_METHODS, "baron_ferejohn")
    swings, _ = dispatch.swing_counts(game, method)
    groups = {}
    for i in range(game.n):
        groups.setdefault((swings[i], recognition[i]), []).append(i)
    plan = game.counting_plan()
    if isinstance(plan, WeightThreshold):
        classes = list(groups.values())
    else:
        table = plan.winning_table()
        classes = [part for group in groups.values() for part in _split(table, group)]
    return sorted(classes)


def _split(table, group):
    """Split a group of candidates into classes of players interchangeable in ``table``."""
    masks = np.arange(len(table), dtype=np.int64)
    classes = []
    for i in group:
        for members in classes:
            k = members[0]
            differ = ((masks >> i) ^ (masks >> k)) & 1
            swapped = masks ^ (differ << i) ^ (differ << k)
            if np.array_equal(table, table[swapped]):
                members.append(i)
                break
        else:
            classes.append([i])
    return classes


def partner_profiles(game, classes):
    """Per class c, the minimal partner profiles of a proposer of class c.

    A profile p (members taken from each class, at most ``len(classes[c]) - 1`` from the
    proposer's own) is a partner profile of class c when the proposer with p wins, and
    minimal when it loses after dropping any one partner.

    Returns
    -------
    tuple of numpy int64 arrays, one (K_c x m) array per class.

    Raises
    ------
    GameTooLargeError
        More than MAX_PROFILES profiles (e.g. more than 21 players with distinct weights).
    """
    sizes = [len(members) for members in classes]
    count = prod(s + 1 for s in sizes)
    if count > MAX_PROFILES:
        raise GameTooLargeError(
            f"Baron-Ferejohn bargaining would enumerate {count} coalition profiles for this"
            f" game (at most {MAX_PROFILES}): too many players who are not interchangeable"
            " (about 21 with distinct weights)"
        )
    strides = np.cumprod([1] + [s + 1 for s in sizes[:-1]])
    index = np.arange(count, dtype=np.int64)
    grid = np.stack([(index // stride) % (s + 1) for stride, s in zip(strides, sizes,
                                                                      strict=True)], axis=1)
    wins = _winning(game.counting_plan(), classes, grid)
    profiles = []
    for c, stride in enumerate(strides):
        chosen = np.nonzero(grid[:, c] < sizes[c])[0]
        with_proposer = chosen + stride
        minimal = wins[with_proposer]
        for d, other in enumerate(strides):
            taken = grid[chosen, d] > 0
            minimal &= ~(taken & wins[np.where(taken, with_proposer - other, 0)])
        profiles.append(grid[chosen[minimal]].astype(np.int64))
    return tuple(profiles)


def _winning(plan, classes, grid):
    """Whether each profile wins, through a representative coalition: the first members
    of each class, in player order."""
    if isinstance(plan, WeightThreshold):
        total = np.zeros(len(grid), dtype=object if sum(plan.weights) >= 2**62 else np.int64)
        for c, members in enumerate(classes):
            prefix = np.cumsum([0] + [plan.weights[i] for i in members], dtype=total.dtype)
            total = total + prefix[grid[:, c]]
        return total >= plan.quota
    masks = np.zeros(len(grid), dtype=np.int64)
    for c, members in enumerate(classes):
        prefix = np.cumsum([0] + [1 << i for i in members], dtype=np.int64)
        masks |= prefix[grid[:, c]]
    return np.asarray(plan.winning_table())[masks]

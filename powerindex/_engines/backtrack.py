"""Backtracking over weighted games, without listing all 2**n coalitions (private).

Players are visited in order of decreasing weight and a coalition is grown one player at
a time, so the last player added is always the lightest member. That makes the two
structures the minimal-winning indices need easy to recognise and to prune:

* a coalition is *minimal winning* when it reaches the quota and loses without its
  lightest member; once a branch reaches the quota, every extension is non-minimal, and
  a branch whose remaining players cannot lift it to the quota is abandoned;
* a winning coalition has a *critical* member when it loses without its heaviest member,
  i.e. its weight stays below q + (heaviest weight); its critical members are exactly
  those heavier than its excess w(S) - q, a prefix of the members in this order.

The search gives up with GameTooLargeError after MAX_STEPS steps. Within that, the cost
is proportional to the number of coalitions produced (times n), not to 2**n:
O(n |M|) for the minimal winning coalitions M, the same for the Johnston tallies with M
replaced by the winning coalitions that have a critical member.

References
----------
.. [1] T. Matsui and Y. Matsui, "A survey of algorithms for calculating power indices of
   weighted majority games", Journal of the Operations Research Society of Japan 43
   (2000), 71-86. https://doi.org/10.15807/jorsj.43.71
"""

from ..errors import GameTooLargeError


def _order(int_weights):
    order = sorted(range(len(int_weights)), key=lambda i: (-int_weights[i], i))
    weights = [int_weights[i] for i in order]
    remaining = [0] * (len(weights) + 1)
    for j in range(len(weights) - 1, -1, -1):
        remaining[j] = remaining[j + 1] + weights[j]
    return order, weights, remaining


#: Most search steps before the backtracking gives up (a few seconds of work): the
#: coalitions it lists can be astronomically many (C(40, 21) for 40 equal players).
MAX_STEPS = 5_000_000


def _too_many(what):
    return GameTooLargeError(
        f"this game has too many {what} to list (the search passed {MAX_STEPS:,} steps);"
        " Shapley-Shubik, Banzhaf and Coleman do not need them (pi.estimate() samples"
        " Shapley-Shubik, Banzhaf, Myerson and Owen, not this index)"
    )


def minimal_winning_masks(int_weights, int_quota):
    """Bit masks of the minimal winning coalitions, in no particular order.

    Raises
    ------
    GameTooLargeError
        After :data:`MAX_STEPS` search steps.
    """
    order, weights, remaining = _order(int_weights)
    n = len(weights)
    found = []
    steps = 0
    stack = [(0, 0, 0)]  # (next position in the order, mask, weight so far)
    while stack:
        start, mask, total = stack.pop()
        steps += n - start
        if steps > MAX_STEPS:
            raise _too_many("minimal winning coalitions")
        for j in range(start, n):
            if total + remaining[j] < int_quota:
                break
            reached = total + weights[j]
            member = mask | 1 << order[j]
            if reached >= int_quota:
                # total < quota, so dropping the lightest member (j) makes it lose.
                found.append(member)
            else:
                stack.append((j + 1, member, reached))
    return found


def johnston_tallies(int_weights, int_quota):
    """``tallies[i][c]``: winning coalitions with c critical members in which i is critical.

    Raises
    ------
    GameTooLargeError
        After :data:`MAX_STEPS` search steps.
    """
    order, weights, remaining = _order(int_weights)
    n = len(weights)
    tallies = [dict() for _ in range(n)]
    steps = 0
    for first in range(n):
        heaviest = weights[first]
        if heaviest == 0 or remaining[first] < int_quota:
            continue
        ceiling = int_quota + heaviest  # a coalition with a critical member weighs less
        stack = [(first + 1, (first,), heaviest)]
        while stack:
            start, members, total = stack.pop()
            steps += n - start + len(members)
            if steps > MAX_STEPS:
                raise _too_many("winning coalitions with a critical member")
            if total >= int_quota:
                _tally(tallies, order, weights, members, total - int_quota)
            for j in range(start, n):
                if total + remaining[j] < int_quota:
                    break
                if total + weights[j] < ceiling:
                    stack.append((j + 1, members + (j,), total + weights[j]))
    return tallies


def _tally(tallies, order, weights, members, excess):
    critical = [j for j in members if weights[j] > excess]
    size = len(critical)
    for j in critical:
        tally = tallies[order[j]]
        tally[size] = tally.get(size, 0) + 1

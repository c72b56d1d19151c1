"""The probability of being decisive when votes are uncertain: Owen's multilinear extension.

The Banzhaf (Penrose) measure asks how often a player's vote decides when every other
player votes yes or no with probability 1/2. :func:`swing_probability` lets each player
j vote yes with its own probability p_j, independently: a party that reliably supports
the government (p near 1), an opposition that reliably does not (p near 0), a bloc that
is only partly cohesive. The answer is the partial derivative of the game's multilinear
extension (Owen 1972); at p = 1/2 for everyone it is the absolute Banzhaf index, and its
integral over a common p from 0 to 1 is the Shapley-Shubik index.

Examples
--------
>>> from fractions import Fraction
>>> import powerindex as pi
>>> g = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
>>> pi.swing_probability(g, Fraction(1, 2)) == pi.banzhaf(g, normalized=False)
True
>>> pi.swing_probability(g, {"A": Fraction(9, 10), "C": Fraction(1, 5)}).to_dict()
{'A': Fraction(3, 5), 'B': Fraction(18, 25), 'C': Fraction(9, 20)}
"""

from fractions import Fraction

from .._engines import dispatch
from .._numbers import to_probability
from ..errors import InvalidTypeError
from ..games.base import check_game, label
from .results import PowerIndexResult

__all__ = ["swing_probability", "vote_probabilities"]

HALF = Fraction(1, 2)


def vote_probabilities(game, p):
    """Each player's probability of voting yes, exactly, from a number or a mapping.

    Parameters
    ----------
    game : Game
    p : number or mapping of player to number
        One probability for everyone, or the probabilities of the players named (a dict
        or a pandas Series); players not named vote yes with probability 1/2. Numbers
        are read exactly (0.8 is 4/5).

    Returns
    -------
    list of Fraction
        In player order.

    Raises
    ------
    InvalidArgumentError
        A probability outside [0, 1], NaN or infinite.
    InvalidTypeError
        Not a number or a mapping of numbers.
    UnknownPlayerError
        A mapping names a non-player.

    References
    ----------
    .. [1] G. Owen, "Multilinear extensions of games", Management Science 18 (1972),
       P64-P79. https://doi.org/10.1287/mnsc.18.5.64

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    >>> pi.vote_probabilities(g, {"A": 0.9})
    [Fraction(9, 10), Fraction(1, 2), Fraction(1, 2)]
    >>> pi.vote_probabilities(g, 1)
    [Fraction(1, 1), Fraction(1, 1), Fraction(1, 1)]
    """
    if callable(getattr(p, "items", None)) and not isinstance(p, str):
        values = dict.fromkeys(game.players, HALF)
        for player, value in p.items():
            game._check_player(player)
            values[player] = to_probability(
                value, f"the probability that {label(player)!r} votes yes")
        return [values[player] for player in game.players]
    if isinstance(p, str | bytes) or p is None or hasattr(p, "__iter__"):
        raise InvalidTypeError(
            "p must be a probability or a mapping of players to probabilities, got"
            f" {p!r} ({type(p).__name__})")
    return [to_probability(p, "the probability of voting yes")] * game.n


def swing_probability(game, p, *, method="auto"):
    """The probability that each player's vote decides, when the others vote at random.

    Every player j votes yes independently with probability p_j. Player i is decisive
    when the others' yes-votes form a coalition S that loses without i and wins with it;
    the probability of that is

        psi_i(p) = sum over S not containing i, i swings at S, of
                   prod_{j in S} p_j prod_{j not in S, j != i} (1 - p_j),

    the partial derivative in x_i of the multilinear extension of the game [1]_. It does
    not depend on p_i.

    Parameters
    ----------
    game : Game
    p : number or mapping of player to number
        The probability of voting yes: one for everyone, or per player (players not
        named: 1/2). See :func:`vote_probabilities`.
    method : {"auto", "generating", "enumerate"}, optional
        ``"generating"`` (weighted games; the default for them): generating functions
        with integer coefficients over the probabilities' common denominator.
        ``"enumerate"`` (any game of up to 26 players; the default otherwise): every
        coalition's probability.

    Returns
    -------
    PowerIndexResult
        Fractions in [0, 1] (index ``"swing_probability"``); they need not sum to 1.

    Raises
    ------
    InvalidArgumentError
        A probability outside [0, 1].
    InvalidMethodError
        Unknown method, or ``"generating"`` for a game that is not weighted.
    GameTooLargeError
        ``"generating"`` with a bound above 2**22 integer weight units; ``"enumerate"``
        above 26 players.

    Notes
    -----
    With p_j = 1/2 for every j this is the absolute Banzhaf index (Penrose measure); the
    integral of psi_i(t, ..., t) over t in [0, 1] is the Shapley-Shubik index [1]_, [2]_
    (Straffin's homogeneity assumption, against independence at 1/2 [3]_).

    Cost: ``"generating"`` O((r + d) b) operations on integers of about r log2 D bits,
    for r players with 0 < p_j < 1, d distinct (weight, probability) pairs, the bound
    b = min(q, W - q + 1) in integer weight units and D the common denominator of the
    probabilities (players certain to vote one way shift the quota instead);
    ``"enumerate"`` O(n 2**n).

    References
    ----------
    .. [1] G. Owen, "Multilinear extensions of games", Management Science 18 (1972),
       P64-P79. https://doi.org/10.1287/mnsc.18.5.64
    .. [2] G. Owen, "Multilinear extensions and the Banzhaf value", Naval Research
       Logistics Quarterly 22 (1975), 741-750.
    .. [3] P. D. Straffin Jr., "Homogeneity, independence, and power indices", Public
       Choice 30 (1977), 107-118.

    Examples
    --------
    The Bundestag elected in 2021 when the coalition parties vote yes with probability
    9/10 and the opposition with probability 1/10:

    >>> from fractions import Fraction
    >>> import powerindex as pi
    >>> bt = pi.WeightedGame({"SPD": 206, "CDU/CSU": 197, "Greens": 118, "FDP": 92,
    ...                       "AfD": 83, "Linke": 39, "SSW": 1}, 369)
    >>> government = {"SPD": Fraction(9, 10), "Greens": Fraction(9, 10),
    ...               "FDP": Fraction(9, 10)}
    >>> p = {player: government.get(player, Fraction(1, 10)) for player in bt.players}
    >>> {k: round(v, 4) for k, v in pi.swing_probability(bt, p).to_float().items()}
    {'SPD': 0.7624, 'CDU/CSU': 0.2376, 'Greens': 0.6724, 'FDP': 0.6724, 'AfD': 0.1476,
     'Linke': 0.0, 'SSW': 0.0}

    The Linke and the SSW are never decisive: they are in no minimal winning coalition.
    """
    check_game(game, "swing_probability")
    probabilities = vote_probabilities(game, p)
    method = dispatch.resolve_multilinear(game, method, "swing_probability")
    values = dispatch.decisive_probabilities(game, probabilities, method)
    return PowerIndexResult("swing_probability", game,
                            dict(zip(game.players, values, strict=True)), method)

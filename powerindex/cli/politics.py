"""The commands of positions and bargaining: positions, bargain, portfolios, swing (private).

Each turns parsed arguments into one :class:`~powerindex.Table` through the library's
functions (:func:`~powerindex.median_party`, :func:`~powerindex.shapley_owen`,
:func:`~powerindex.baron_ferejohn`, :func:`~powerindex.portfolio_allocation`,
:func:`~powerindex.gamson_fit`, :func:`~powerindex.swing_probability`), on the game a
command computes with: the file's scenario restricted by its compatibility graph.
"""

from fractions import Fraction

from ..errors import PowerIndexError
from ..games.base import label
from ..indices.probabilistic import swing_probability
from ..indices.swing_indices import banzhaf, shapley_shubik
from ..politics.bargaining import baron_ferejohn
from ..politics.median import median_party
from ..politics.portfolios import gamson_fit, portfolio_allocation
from ..politics.positions import check_positions, compatibility_graph_from_positions
from ..politics.restriction import restrict
from ..politics.spatial import shapley_owen
from ..present.tables import Table
from ._common import _InputError, _short, _UsageError
from .inputs import _source

#: The equilibrium selection of pi.baron_ferejohn, said once for every bargain table.
_SELECTION = ("Stationary equilibrium of Baron-Ferejohn bargaining (closed rule, infinite"
              " horizon); its payoffs are unique (Eraslan 2002; Eraslan and McLennan 2013),"
              " the proposers' mixtures are a stated selection (see pi.baron_ferejohn).")


def _file_source(args, what):
    """The command's source, which must be a game file (positions, governments ...)."""
    source = _source(args)
    if source.spec is None:
        raise _UsageError(f"{what} come from a game file: give one (see docs/file-format.md)")
    return source


def _described(source):
    title = source.spec.title if source.spec is not None and source.spec.title else None
    name = title or repr(source.scenario.game)
    return name if source.label in ("base", "game") else f"{name} ({source.label})"


# -- positions -------------------------------------------------------------------------------
def _placed(source):
    """``(game, positions, note)``: the scenario's parties that have a position (the others
    left out, their seats counted as voting no), and the sentence that says so."""
    scenario = source.scenario
    positions = scenario.positions
    if not positions:
        raise _InputError(f"{source.path} gives no positions: add a [positions] table (or a"
                          " position column to a CSV file)")
    game = scenario.game
    missing = [p for p in game.players if p not in positions]
    if not missing:
        return game, positions, None
    if len(missing) == game.n:
        raise _InputError("no party of this scenario has a position")
    try:
        placed = game.drop(missing)
    except PowerIndexError as exc:  # the others cannot reach the quota
        raise _InputError(f"without a position: {', '.join(map(label, missing))}; without"
                          f" them the others cannot win ({exc})") from None
    return placed, positions, (f"Without a position: {', '.join(map(label, missing))};"
                               " left out, their seats counted as voting no.")


def _run_positions(args):
    source = _file_source(args, "positions")
    game, positions, left_out = _placed(source)
    placed = check_positions(positions, game)
    medians = median_party(game, placed)
    spatial = _spatial(args, game, placed)
    dimensions = placed.dimensions
    names = ["position"] if dimensions == 1 else [f"dimension {k + 1}"
                                                 for k in range(dimensions)]
    columns = ["party", "seats", *names, "median on", spatial.heading, *spatial.extra]
    seats = dict(zip(game.players, game.weights, strict=True))
    restricted = None
    if args.graph_within is not None or args.graph_neighbours is not None:
        restricted = _restricted_power(args, game, placed)
        columns.append("Shapley-Shubik, restricted by positions")
    rows = []
    for player in game.players:
        point = placed[player]
        on = [names[k] for k, players in enumerate(medians.medians) if player in players]
        row = [player, seats[player], *(_number(x) for x in point),
               ", ".join(on) if dimensions > 1 else ("yes" if on else ""),
               *spatial.cells(player)]
        if restricted is not None:
            row.append(restricted[0][player])
        rows.append(row)
    notes = [*medians.to_table().notes, *spatial.notes]
    if restricted is not None:
        notes.append(restricted[1])
    if left_out:
        notes.append(left_out)
    return Table(columns, rows, title=f"Positions of {_described(source)}: the median party"
                 " and spatial power", notes=notes), None


def _number(value):
    """A coordinate for display: whole numbers as ints, others as floats (positions are
    inputs, read exactly; the table shows them as the decimals they were written as)."""
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    return value


class _Spatial:
    """The Shapley-Owen column(s): exact, float with a bound, or sampled with intervals."""

    def __init__(self, result, digits):
        self.result = result
        self.sampled = hasattr(result, "confidence_interval")
        self.heading = "Shapley-Owen (estimate)" if self.sampled else "Shapley-Owen"
        self.extra = [f"{result.confidence:.0%} interval"] if self.sampled else []
        self.digits = digits
        if self.sampled:
            self.notes = [f"Shapley-Owen: Monte Carlo estimate from {result.samples} random"
                          f" directions; --seed {result.seed} repeats it."]
        elif hasattr(result, "error_bound"):
            self.notes = [f"Shapley-Owen: the angular sweep in floating point; every value"
                          f" is within {result.error_bound:.1e} of the exact one."]
        else:
            self.notes = ["Shapley-Owen: exact on one dimension."]

    def cells(self, player):
        if not self.sampled:
            return [self.result[player]]
        low, high = self.result.confidence_interval(player)
        return [self.result[player], f"[{low:.{self.digits}f}, {high:.{self.digits}f}]"]


def _spatial(args, game, placed):
    sample = args.samples is not None or placed.dimensions > 2
    if args.seed is not None and not sample:
        raise _UsageError("--seed goes with sampled Shapley-Owen values (--samples, or"
                          " positions on three dimensions or more)")
    if sample:
        result = shapley_owen(game, placed, method="sample", samples=args.samples,
                              confidence=args.confidence, seed=args.seed)
    else:
        result = shapley_owen(game, placed)
    return _Spatial(result, args.digits)


def _restricted_power(args, game, placed):
    graph = compatibility_graph_from_positions(game, placed, within=args.graph_within,
                                               neighbours=args.graph_neighbours)
    power = shapley_shubik(restrict(game, graph))
    rule = []
    if args.graph_within is not None:
        rule.append(f"within {args.graph_within} of each other")
    if args.graph_neighbours is not None:
        rule.append(f"at most {args.graph_neighbours} step(s) apart on the order")
    edges = graph.number_of_edges()
    return power, (f"The graph from positions joins parties {' or '.join(rule)} ({edges}"
                   f" pairs); its cliques are the governments that can form.")


# -- bargain ---------------------------------------------------------------------------------
def _run_bargain(args):
    source = _source(args)
    game = source.scenario.effective_game
    first = _formateur(args, source)
    recognition = _recognition(args.recognition, source.scenario.game)
    result = baron_ferejohn(game, args.delta, recognition, first=first)
    notes = [f"Discount factor {args.delta} (an assumption); recognition "
             + _recognition_words(args.recognition)
             + (f"; {label(first)} is recognised first." if first is not None else "."),
             _SELECTION]
    if source.scenario.graph is not None:
        notes.append("The game is restricted by the file's compatibility graph: only its"
                     " governments can pass a proposal.")
    title = f"Baron-Ferejohn bargaining in {_described(source)}"
    if args.show == "payoffs":
        table = result.to_table()
        return Table(table.columns, table.rows, title=title,
                     notes=[*table.notes, *notes]), None
    values = result.proposals if args.show == "proposals" else result.inclusion
    players = list(game.players)
    rows = [[proposer, *(values[proposer].get(p, 0) for p in players)]
            for proposer in players]
    what = ("each proposer's offers (expected shares)" if args.show == "proposals"
            else "the probability that each proposer includes each party")
    return Table(["proposer", *players], rows, title=f"{title}: {what}", notes=notes), None


def _formateur(args, source):
    if args.formateur is None:
        return None
    players = source.scenario.game.players
    if args.formateur == "":
        spec = source.spec
        if spec is None or spec.formateur is None:
            raise _InputError("--formateur without a name takes the file's formateur, and"
                              " there is none: give formateur = \"PARTY\" in the file, or"
                              " --formateur PARTY")
        name = spec.formateur
    else:
        name = args.formateur
    if name not in players:
        raise _InputError(f"the formateur {_short(name)} is not a party of this game; its"
                          f" parties: {', '.join(map(label, players))}")
    return name


def _recognition(text, game):
    """None (seats), "equal", or a mapping from ``NAME=P,NAME=P``."""
    if text in (None, "seats"):
        return "seats"
    if text == "equal":
        return "equal"
    shares = {}
    for item in text.split(","):
        name, equals, value = item.rpartition("=")
        if not equals or not name.strip():
            raise _UsageError(f"--recognition takes seats, equal or NAME=P,NAME=P (the"
                              f" probabilities summing to 1), got {_short(text)}")
        if name.strip() not in game.players:
            raise _InputError(f"--recognition names {_short(name.strip())}, which is not a"
                              f" party; the parties: {', '.join(map(label, game.players))}")
        try:
            shares[name.strip()] = Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise _UsageError(f"--recognition: {_short(value)} is not a probability") from None
    return shares


def _recognition_words(text):
    if text in (None, "seats"):
        return "in proportion to seats"
    if text == "equal":
        return "equal for every party"
    return f"as given ({text})"


# -- portfolios ------------------------------------------------------------------------------
def _run_portfolios(args):
    source = _file_source(args, "governments")
    governments = source.spec.governments
    if not governments:
        raise _InputError(f"{source.path} lists no government: add [[governments]] tables"
                          " (name, parties, offices) to the file")
    game = source.scenario.game
    if args.fit:
        fit = gamson_fit([(game, dict(g.offices)) for g in governments])
        table = fit.to_table()
        return Table(table.columns, table.rows,
                     title=f"Offices against seats in {_described(source)}: {table.title}"
                           f" over {len(governments)} government(s)", notes=table.notes), None
    government = _government(args, governments)
    offices = dict(government.importance if args.importance else government.offices)
    if args.importance and not government.importance:
        raise _InputError(f"the government {_short(government.name)} gives no importance of"
                          " its offices")
    power, power_words = _power(args, source)
    table = portfolio_allocation(game, offices, power=power)
    when = f" ({government.date})" if government.date else ""
    return Table(table.columns, table.rows,
                 title=f"Offices of the {government.name} government{when} against seats and"
                       f" power, {_described(source)}",
                 notes=[*table.notes, f"Power share: {power_words}, as a share of the"
                        " government's."]), None


def _government(args, governments):
    names = [g.name for g in governments]
    if args.government is None:
        if len(governments) == 1:
            return governments[0]
        raise _UsageError(f"the file lists {len(governments)} governments: choose one with"
                          f" --government ({', '.join(map(repr, names))}), or --fit for the"
                          " line across all")
    for government in governments:
        if government.name == args.government:
            return government
    raise _InputError(f"no government {_short(args.government)} in the file; its governments:"
                      f" {', '.join(map(repr, names))}")


def _power(args, source):
    scenario = source.scenario
    restricted = (" restricted by the compatibility graph" if scenario.graph is not None
                  else "")
    if args.index == "baron-ferejohn":
        result = baron_ferejohn(scenario.effective_game, args.delta, "seats")
        return result, (f"Baron-Ferejohn payoff (discount factor {args.delta}, an assumption;"
                        f" recognition by seats) in the game{restricted}")
    if args.index == "banzhaf":
        return (banzhaf(scenario.effective_game),
                f"the Banzhaf index in the game{restricted}")
    return (shapley_shubik(scenario.effective_game),
            f"the Shapley-Shubik index in the game{restricted}")


# -- swing -----------------------------------------------------------------------------------
def _run_swing(args):
    source = _source(args)
    scenario = source.scenario
    game = scenario.game
    for party, parts in args.split or ():
        try:
            game = game.split(party, parts)
        except PowerIndexError as exc:
            raise _InputError(f"--split {label(party)}: {exc}") from None
    effective = game
    if scenario.graph is not None:
        if args.split:
            raise _UsageError("--split changes the parties, and this game has a compatibility"
                              " graph: split the party in a scenario of the file instead"
                              " (split = { PARTY = { PART = SEATS, ... } })")
        effective = scenario.effective_game
    yes = _yes(args.yes or (), args.default, game)
    values = swing_probability(effective, yes)
    plain = banzhaf(effective, normalized=False)
    seats = dict(zip(game.players, game.weights, strict=True))
    rows = [[p, seats[p], yes[p], values[p], plain[p], values[p] - plain[p]]
            for p in game.players]
    notes = ["Each party votes yes independently with its probability; a party's swing"
             " probability is the chance that its vote decides (Owen's multilinear"
             " extension). At 1/2 for everyone it is the absolute Banzhaf index."]
    if args.split:
        notes.append("Split: " + "; ".join(
            f"{label(party)} into {', '.join(f'{label(n)} ({w})' for n, w in parts.items())}"
            for party, parts in args.split) + ".")
    if scenario.graph is not None:
        notes.append("The game is restricted by the file's compatibility graph.")
    return Table(["party", "seats", "P(yes)", "swing probability", "all at 1/2",
                  "change"], rows, title=f"Swing probabilities in {_described(source)}",
                 notes=notes), None


def _yes(items, default, game):
    chances = dict.fromkeys(game.players, default)
    for name, value in items:
        if name not in chances:
            raise _InputError(f"--yes names {_short(name)}, which is not a party; the"
                              f" parties: {', '.join(map(label, game.players))}")
        chances[name] = value
    return chances

"""Tests of powerindex.sweeps: scenario generators and sweeps on any executor.

References are independent of the library: the generators' expected games are built by
plain loops over weights and pairs; indices come from tests/brute.py (textbook formulas
over all coalitions); a restricted game wins, in the reference, when a coalition contains
a winning coalition that is connected in the graph (a plain search over edge sets). Sweeps
run on an in-process serial executor written here, a thread pool, the default process
pool, an explicit process pool and, when dask is installed, a local Dask cluster of two
worker processes -- and must agree exactly.
"""

import io
import pickle
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from fractions import Fraction as F
from functools import partial
from itertools import combinations

import brute
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex import SweepError
from powerindex.politics import Scenario
from powerindex.sweeps import (
    graph_variants,
    pairwise_mergers,
    seat_shifts,
    sweep,
    sweep_table,
)
from powerindex.sweeps._transport import dumps as _dumps

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

PROPERTY = settings(deadline=None, max_examples=40)

# Iraq 2010, Council of Representatives: 325 seats, 163 to govern (analyses/iraq2010/iraq2010.toml).
IRAQ_SEATS = {"Iraqiya": 91, "SoL": 89, "INA": 70, "KDP+PUK": 43, "Gorran": 8, "KIU": 4,
              "KIG": 2, "Tawafuq": 6, "Unity": 4, "Rafidain": 3, "CSAPC": 2, "Yazidi": 1,
              "Shabak": 1, "Sabean": 1}
IRAQ = pi.WeightedGame(list(IRAQ_SEATS.values()), 163, players=list(IRAQ_SEATS))
# The five-bloc version used in the README and the leverage tests.
IRAQ5 = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                        players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])


class SerialExecutor(Executor):
    """Runs each task at once in the calling thread."""

    def submit(self, fn, /, *args, **kwargs):
        future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


# -- references ------------------------------------------------------------------------------
def weights_of(game):
    return dict(zip(game.players, game.weights, strict=True))


def brute_shapley(game):
    """Shapley-Shubik of a weighted game from the subset formula (tests/brute.py)."""
    return brute.shapley_shubik_subsets(list(game.players),
                                        brute.weighted(game.weights, game.quota, game.players))


def connected(coalition, edges):
    """Whether the coalition is non-empty and connected by the edges among its members."""
    coalition = set(coalition)
    if not coalition:
        return False
    start = next(iter(coalition))
    reached, frontier = {start}, [start]
    while frontier:
        here = frontier.pop()
        for there in coalition - reached:
            if frozenset((here, there)) in edges:
                reached.add(there)
                frontier.append(there)
    return reached == coalition


def restricted_wins(wins, players, edges):
    """The connected restriction: S wins when some connected C within S wins."""
    def restricted(s):
        return any(wins(frozenset(c)) and connected(c, edges)
                   for k in range(1, len(s) + 1) for c in combinations(sorted(s), k))
    return restricted


# Module-level functions for the workers (lambdas do not pickle).
def fail_when_kurds_merged(game):
    if any("+" in p and "Kurds" in p for p in game.players):
        raise pi.UnknownPlayerError(f"no Kurds in {game.players}")
    return pi.shapley_shubik(game)


def fail_always(game):
    raise ZeroDivisionError("deliberate")


def return_a_lambda_game(game):
    return pi.SimpleGame(game.players, lambda s: len(s) > 1)


def rule_two_of_three(coalition):
    return len(coalition) >= 2


# -- generators ------------------------------------------------------------------------------
def test_pairwise_mergers_of_iraq_match_loops_over_pairs():
    scenarios = pairwise_mergers(IRAQ)
    players = list(IRAQ_SEATS)
    expected = {}
    for i in range(len(players)):
        for j in range(i + 1, len(players)):
            a, b = players[i], players[j]
            names = tuple(f"{a}+{b}" if p == a else p for p in players if p != b)
            seats = [IRAQ_SEATS[a] + IRAQ_SEATS[b] if p == a else IRAQ_SEATS[p]
                     for p in players if p != b]
            expected[f"{a}+{b}"] = (names, seats, (a, b))
    assert len(scenarios) == 14 * 13 // 2 == 91
    assert list(scenarios) == list(expected)
    for name, game in scenarios.items():
        names, seats, members = expected[name]
        assert (game.players, list(game.weights), game.quota) == (names, seats, 163)
        assert game.members(name) == members


def test_pairwise_mergers_keep_composite_games_composite():
    heads = pi.WeightedGame([1, 1, 1], 2, players=IRAQ5.players[:3])
    seats = pi.WeightedGame([91, 89, 70], 126, players=IRAQ5.players[:3])
    mergers = pairwise_mergers(seats & heads)
    assert list(mergers) == ["Iraqiya+SoL", "Iraqiya+INA", "SoL+INA"]
    assert mergers["SoL+INA"].is_winning({"SoL+INA"})  # 159 seats and 1 of 2 heads


def test_pairwise_mergers_refuse_clashing_names():
    g = pi.WeightedGame([1, 1, 1, 1], 3, players=["A", "B+C", "A+B", "C"])
    with pytest.raises(pi.InvalidPlayerError,
                       match="'A\\+B' and 'C' would be called 'A\\+B\\+C', like another merger"):
        pairwise_mergers(g)
    g = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "A+B"])
    with pytest.raises(pi.InvalidPlayerError, match="'A\\+B', like a player"):
        pairwise_mergers(g)
    with pytest.raises(pi.InvalidPlayerError, match="two players"):
        pairwise_mergers(pi.WeightedGame([1], 1))
    with pytest.raises(pi.InvalidTypeError, match="needs a game"):
        pairwise_mergers([1, 2])


@pytest.mark.parametrize("max_seats", [1, 3, 10])
def test_seat_shifts_of_iraq_match_loops_over_transfers(max_seats):
    expected = {}
    players = list(IRAQ_SEATS)
    for s in range(1, max_seats + 1):
        for a in players:
            for b in players:
                if a != b and IRAQ_SEATS[a] >= s:
                    seats = dict(IRAQ_SEATS)
                    seats[a] -= s
                    seats[b] += s
                    expected[f"{a} -> {b} ({s} seat{'s' if s > 1 else ''})"] = seats
    shifts = seat_shifts(IRAQ, max_seats=max_seats)
    assert list(shifts) == list(expected)
    # 13 takers for each seat a giver can spare: sum over parties of min(max_seats, seats).
    assert len(shifts) == 13 * sum(min(max_seats, s) for s in IRAQ_SEATS.values())
    for name, game in shifts.items():
        assert weights_of(game) == expected[name] and game.quota == 163
        assert game.total_weight == 325


def test_seat_shifts_move_fractional_weights_by_whole_units():
    g = pi.WeightedGame([F(3, 2), F(1, 2)], 1, players=["A", "B"])
    assert {name: game.weights for name, game in seat_shifts(g).items()} == {
        "A -> B (1 seat)": (F(1, 2), F(3, 2))}


@pytest.mark.parametrize("bad", [0, -1, 1.0, True, "2"])
def test_seat_shifts_reject_bad_max_seats(bad):
    with pytest.raises(pi.InvalidTypeError, match="max_seats"):
        seat_shifts(IRAQ5, max_seats=bad)


def test_seat_shifts_need_a_weighted_game():
    with pytest.raises(pi.InvalidTypeError, match="WeightedGame"):
        seat_shifts(pi.SimpleGame(["A", "B"], [{"A"}]))


def test_graph_variants_take_every_subset_of_the_disputed_edges():
    players = IRAQ5.players
    base = nx.complete_graph(players)
    base.remove_edges_from([("Iraqiya", "INA"), ("Kurds", "SoL")])
    disputed = [("Iraqiya", "INA"), ("SoL", "Kurds"), ("Iraqiya", "Small")]
    edges_before = {frozenset(e) for e in base.edges()}
    variants = graph_variants(IRAQ5, base, disputed, skip_infeasible=False, rule="connected")
    undisputed = edges_before - {frozenset(e) for e in disputed}
    expected = {}
    for k in range(4):
        for chosen in combinations(disputed, k):
            name = ", ".join(f"{a}/{b}" for a, b in chosen) or "none"
            expected[name] = undisputed | {frozenset(e) for e in chosen}
    assert list(variants) == list(expected)
    assert len(variants) == 2 ** 3
    for name, scenario in variants.items():
        assert isinstance(scenario, Scenario) and scenario.game is IRAQ5
        assert {frozenset(e) for e in scenario.graph.edges()} == expected[name]
        assert list(scenario.graph.nodes) == list(players)
        assert scenario.rule == "connected" and scenario.unions is None
    assert {frozenset(e) for e in base.edges()} == edges_before  # not modified


def test_graph_variants_skip_exactly_the_infeasible_graphs():
    # Two seats each, four to govern: a coalition needs two linked parties.
    g = pi.WeightedGame([2, 2, 2, 2], 4, players=["A", "B", "C", "D"])
    disputed = [("A", "B"), ("B", "C"), ("C", "D"), ("A", "D")]
    wins = brute.weighted(g.weights, g.quota, g.players)
    for rule in ("connected", "clique"):
        variants = graph_variants(g, nx.empty_graph(g.players), disputed, rule=rule)
        feasible = [", ".join(f"{a}/{b}" for a, b in chosen) or "none"
                    for k in range(5) for chosen in combinations(disputed, k)
                    if any(wins(frozenset(c)) and connected(c, {frozenset(e) for e in chosen})
                           for size in (2, 3, 4) for c in combinations(g.players, size))]
        assert list(variants) == feasible
        assert len(variants) == 2 ** 4 - 1  # all but "none"


def test_graph_variants_validate_their_input():
    base = nx.complete_graph(IRAQ5.players)
    with pytest.raises(pi.GraphError, match="listed twice"):
        graph_variants(IRAQ5, base, [("SoL", "INA"), ("INA", "SoL")])
    with pytest.raises(pi.UnknownPlayerError, match="'Sadr'"):
        graph_variants(IRAQ5, base, [("SoL", "Sadr")])
    with pytest.raises(pi.GraphError, match="missing"):
        graph_variants(IRAQ5, nx.complete_graph(["SoL", "INA"]), [])
    with pytest.raises(pi.InvalidMethodError):
        graph_variants(IRAQ5, base, [], rule="path")
    with pytest.raises(pi.UnknownPlayerError, match="'Sadr'"):
        graph_variants(IRAQ5, base, [], unions=[["SoL", "Sadr"]])
    with pytest.raises(pi.InvalidUnionsError):
        graph_variants(IRAQ5, base, [], unions=[["SoL", "INA"], ["INA", "Kurds"]])
    assert list(graph_variants(IRAQ5, base, [])) == ["none"]


# -- sweeps: exact and identical on every executor ---------------------------------------------
def small_scenarios():
    scenarios = {"as elected": IRAQ5, **pairwise_mergers(IRAQ5), **seat_shifts(IRAQ5, 2)}
    return scenarios


def brute_reference(scenarios):
    return {name: brute_shapley(game) for name, game in scenarios.items()}


@pytest.mark.parametrize("make", [SerialExecutor, lambda: ThreadPoolExecutor(3)],
                         ids=["serial", "threads"])
@pytest.mark.parametrize("chunksize", [None, 1, 7, 1000])
def test_sweep_in_process_matches_brute_force(make, chunksize):
    scenarios = small_scenarios()
    with make() as executor:
        results = sweep(scenarios, executor=executor, chunksize=chunksize)
    assert list(results) == list(scenarios)
    assert {k: v.to_dict() for k, v in results.items()} == brute_reference(scenarios)
    for name, result in results.items():
        assert result.game is scenarios[name]  # attached to the caller's own game
        assert result.index == "shapley_shubik"


def test_sweep_default_process_pool_matches_brute_force():
    scenarios = small_scenarios()
    results = sweep(scenarios)
    assert list(results) == list(scenarios)
    assert {k: v.to_dict() for k, v in results.items()} == brute_reference(scenarios)
    assert all(results[name].game is game for name, game in scenarios.items())


def test_sweep_of_one_scenario_runs_in_the_calling_process():
    results = sweep({"only": IRAQ5})
    assert results["only"].to_dict() == brute_shapley(IRAQ5)


def test_sweep_of_nothing_is_empty():
    assert sweep({}) == {}


def test_sweep_results_are_identical_on_every_executor():
    scenarios = {**pairwise_mergers(IRAQ), **seat_shifts(IRAQ, 2)}
    function = partial(pi.banzhaf, normalized=False)
    serial = sweep(scenarios, function, executor=SerialExecutor())
    with ProcessPoolExecutor(2) as pool:
        pooled = sweep(scenarios, function, executor=pool, chunksize=13)
    direct = {name: function(game) for name, game in scenarios.items()}
    assert serial == pooled == direct
    assert [type(v) for r in pooled.values() for v in r.values()] == [F] * sum(
        g.n for g in scenarios.values())


def test_sweep_does_not_touch_the_callers_games():
    game = pi.WeightedGame([91, 89, 70, 57, 18], 163, players=IRAQ5.players)
    scenarios = {"a": game, "b": game.merge(["SoL", "INA"])}
    before = {name: dict(vars(g)) for name, g in scenarios.items()}
    sweep(scenarios, executor=SerialExecutor())
    assert {name: vars(g) for name, g in scenarios.items()} == before


def test_games_travel_without_their_caches():
    fresh = pi.WeightedGame([91, 89, 70, 57, 18], 163, players=IRAQ5.players)
    used = pi.WeightedGame([91, 89, 70, 57, 18], 163, players=IRAQ5.players)
    pi.banzhaf(used, method="enumerate")
    pi.shapley_shubik(used)
    assert "_plan" in vars(used) and used.counting_plan().cache  # caches exist
    # ... but neither plain pickle (Game.__getstate__) nor the sweep's pickling ships them.
    assert len(pickle.dumps(used)) == len(pickle.dumps(fresh))
    assert len(_dumps(used)) == len(_dumps(fresh))
    assert pickle.loads(_dumps(used)) == used
    merged = used.merge(["SoL", "INA"], name="NA")
    assert pickle.loads(_dumps(merged)).members("NA") == ("SoL", "INA")


def test_sweep_over_graph_variants_matches_the_restricted_brute_force():
    base = nx.complete_graph(IRAQ5.players)
    disputed = [("Iraqiya", "SoL"), ("Iraqiya", "INA"), ("Kurds", "INA")]
    base.remove_edges_from(disputed)
    variants = graph_variants(IRAQ5, base, disputed, rule="connected")
    with ThreadPoolExecutor(2) as pool:
        results = sweep(variants, executor=pool, chunksize=3)
    wins = brute.weighted(IRAQ5.weights, IRAQ5.quota, IRAQ5.players)
    assert list(results) == list(variants)
    for name, scenario in variants.items():
        edges = {frozenset(e) for e in scenario.graph.edges()}
        expected = brute.shapley_shubik_subsets(
            list(IRAQ5.players), restricted_wins(wins, IRAQ5.players, edges))
        assert results[name].to_dict() == expected, name
        assert results[name].game.base_game is IRAQ5


def test_sweep_passes_unions_to_the_function():
    base = nx.complete_graph(IRAQ5.players)
    unions = [["SoL", "INA"]]
    variants = graph_variants(IRAQ5, base, [("Iraqiya", "SoL")], unions=unions)
    results = sweep(variants, pi.owen, executor=SerialExecutor())
    for name, scenario in variants.items():
        assert results[name] == pi.owen(scenario.effective_game, unions)
        assert results[name].index == "owen"
    with pytest.raises(pi.InvalidTypeError, match="a priori unions.*pi.owen"):
        sweep(variants, pi.shapley_shubik, executor=SerialExecutor())


def test_sweep_accepts_functions_returning_anything_picklable():
    tables = sweep({"x": IRAQ5, "y": IRAQ5.drop("Small")}, pi.leverage,
                   executor=SerialExecutor())
    assert tables["y"].column("player")[-1] in {"Iraqiya", "SoL", "INA", "Kurds"}
    counts = sweep({"x": IRAQ5}, pi.coleman_collectivity, executor=SerialExecutor())
    wins = brute.weighted(IRAQ5.weights, IRAQ5.quota, IRAQ5.players)
    assert counts["x"] == F(len(brute.winning_coalitions(list(IRAQ5.players), wins)), 32)


def test_sweep_reports_progress():
    calls = []
    sweep(small_scenarios(), executor=SerialExecutor(), chunksize=4,
          progress=lambda done, total: calls.append((done, total)))
    total = len(small_scenarios())
    assert calls == [(min(k, total), total) for k in range(4, total + 4, 4)]


def test_sweep_progress_true_writes_to_stderr(capsys):
    sweep({"a": IRAQ5, "b": IRAQ5}, executor=SerialExecutor(), chunksize=1, progress=True)
    assert capsys.readouterr().err == "\rsweep: 1/2 scenarios\rsweep: 2/2 scenarios\n"


@PROPERTY
@given(st.lists(st.integers(0, 9), min_size=2, max_size=6), st.integers(1, 5),
       st.data())
def test_property_sweep_equals_brute_force_whatever_the_chunks(weights, chunksize, data):
    total = sum(weights)
    if total == 0:
        weights = [1] + weights[1:]
        total = sum(weights)
    quota = data.draw(st.integers(total // 2 + 1, total))
    game = pi.WeightedGame(weights, quota)
    scenarios = {**pairwise_mergers(game), **seat_shifts(game, 2)}
    results = sweep(scenarios, pi.banzhaf, executor=SerialExecutor(), chunksize=chunksize)
    assert list(results) == list(scenarios)
    for name, g in scenarios.items():
        assert results[name].to_dict() == brute.banzhaf(
            list(g.players), brute.weighted(g.weights, g.quota, g.players)), name


# -- errors ----------------------------------------------------------------------------------
def test_a_simple_game_with_a_lambda_rule_cannot_travel():
    game = pi.SimpleGame(["A", "B", "C"], lambda s: len(s) >= 2)
    with pytest.raises(pi.InvalidTypeError,
                       match="scenario 'lambda'.*top level of a module.*minimal winning"):
        sweep({"fine": IRAQ5, "lambda": game}, executor=SerialExecutor())
    # A module-level rule and the coalition-list form both travel.
    by_rule = pi.SimpleGame(["A", "B", "C"], rule_two_of_three)
    by_list = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}, {"B", "C"}])
    results = sweep({"rule": by_rule, "list": by_list}, executor=SerialExecutor())
    third = {p: F(1, 3) for p in "ABC"}
    assert results["rule"].to_dict() == results["list"].to_dict() == third


def test_derived_simple_games_and_restricted_games_travel():
    game = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])
    graph = nx.path_graph(IRAQ5.players)
    scenarios = {"merged": game.merge(["B", "C"]), "dropped": game.drop("C"),
                 "r": pi.restrict(IRAQ5, graph, rule="clique"),
                 "q": pi.quotient_game(IRAQ5, [["SoL", "INA"]])}
    with ProcessPoolExecutor(2) as pool:
        results = sweep(scenarios, executor=pool)
    for name, value in scenarios.items():
        assert results[name] == pi.shapley_shubik(value)


def test_a_game_built_on_a_lambda_rule_says_what_to_use():
    game = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])
    composite = game & pi.SimpleGame(["A", "B", "C"], lambda s: "A" in s)
    with pytest.raises(pi.InvalidTypeError, match="scenario 'c'.*built on cannot.*lambda"):
        sweep({"c": composite}, executor=SerialExecutor())


def test_a_lambda_function_cannot_travel():
    with pytest.raises(pi.InvalidTypeError, match="cannot be pickled.*not a lambda"):
        sweep({"x": IRAQ5}, lambda g: pi.banzhaf(g), executor=SerialExecutor())
    with pytest.raises(pi.InvalidTypeError, match="callable"):
        sweep({"x": IRAQ5}, "shapley_shubik")


@pytest.mark.parametrize("make", [SerialExecutor, lambda: ProcessPoolExecutor(2)],
                         ids=["serial", "processes"])
def test_a_failing_task_names_its_scenario(make):
    scenarios = pairwise_mergers(IRAQ5)  # Iraqiya+Kurds is the 3rd, SoL+Kurds the 6th
    with make() as executor, pytest.raises(SweepError) as caught:
        sweep(scenarios, fail_when_kurds_merged, executor=executor, chunksize=2)
    error = caught.value
    assert error.scenario == "Iraqiya+Kurds"
    assert str(error).startswith("scenario 'Iraqiya+Kurds' failed: UnknownPlayerError: no Kurds")
    assert isinstance(error.__cause__, pi.UnknownPlayerError)
    assert "fail_when_kurds_merged" in str(error.__cause__.__cause__)  # worker's traceback


def test_an_unpicklable_result_is_reported():
    with pytest.raises(SweepError, match="scenario 'x' failed: InvalidTypeError: the result"):
        sweep({"x": IRAQ5}, return_a_lambda_game, executor=SerialExecutor())


def test_an_infeasible_scenario_is_named():
    g = pi.WeightedGame([2, 2, 2], 4, players=["A", "B", "C"])
    variants = graph_variants(g, nx.empty_graph(g.players), [("A", "B")],
                              skip_infeasible=False)
    with pytest.raises(pi.GraphError, match="scenario 'none': no feasible"):
        sweep(variants, executor=SerialExecutor())


def test_a_broken_executor_names_the_scenarios_of_the_task():
    class Broken(SerialExecutor):
        def submit(self, fn, /, *args, **kwargs):
            return super().submit(fail_always, None)

    with pytest.raises(SweepError, match="scenarios 'a' to 'b' failed in the executor"):
        sweep({"a": IRAQ5, "b": IRAQ5, "c": IRAQ5}, executor=Broken(), chunksize=2)


@pytest.mark.parametrize("kwargs, message", [
    ({"chunksize": 0}, "chunksize"), ({"chunksize": 2.0}, "chunksize"),
    ({"executor": "processes"}, "Executor"), ({"progress": "yes"}, "progress"),
])
def test_sweep_rejects_bad_arguments(kwargs, message):
    with pytest.raises(pi.InvalidTypeError, match=message):
        sweep({"x": IRAQ5}, **kwargs)


def test_sweep_needs_a_mapping_of_games():
    with pytest.raises(pi.InvalidTypeError, match="mapping"):
        sweep([IRAQ5])
    with pytest.raises(pi.InvalidTypeError, match="scenario 'x' is a list"):
        sweep({"x": [91, 89]})


# -- sweep_table -------------------------------------------------------------------------------
def test_sweep_table_follows_the_player_into_its_blocs():
    scenarios = pairwise_mergers(IRAQ5)
    table = sweep_table(scenarios, "Kurds", executor=SerialExecutor())
    assert table.columns == ("scenario", "player", "Shapley-Shubik index")
    assert table.column("scenario") == list(scenarios)
    for name, holder, value in table.rows:
        game = scenarios[name]
        expected_holder = name if "Kurds" in name.split("+") else "Kurds"
        assert holder == expected_holder
        assert value == brute_shapley(game)[holder]
    assert table.title == "Shapley-Shubik index of Kurds in 10 scenarios"


def test_sweep_table_leaves_absent_players_empty():
    table = sweep_table({"all": IRAQ5, "without": IRAQ5.drop("Small")}, "Small",
                        executor=SerialExecutor())
    assert table.rows[1] == ("without", None, None)
    with pytest.raises(pi.UnknownPlayerError, match="'Sadr' is in no scenario"):
        sweep_table({"all": IRAQ5}, "Sadr")
    with pytest.raises(pi.InvalidTypeError, match="value per player"):
        sweep_table({"all": IRAQ5}, "SoL", pi.coleman_collectivity, executor=SerialExecutor())
    with pytest.raises(pi.InvalidTypeError, match="name"):
        sweep_table({"all": IRAQ5}, 3)


def test_sweep_table_renders():
    table = sweep_table({"x": IRAQ5}, "Kurds", pi.banzhaf, executor=SerialExecutor())
    out = io.StringIO(table.to_csv())
    assert out.readline().strip() == ("scenario,player,Banzhaf index (normalized),"
                                      "Banzhaf index (normalized) (decimal)")


# -- Dask ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def dask_executor():
    distributed = pytest.importorskip(
        "distributed", reason="dask[distributed] is not installed: pip install"
        " 'powerindex-toolkit[distributed]' to test sweeps on a Dask cluster")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client.get_executor()


def test_sweep_on_a_dask_cluster_is_identical(dask_executor):
    scenarios = {**pairwise_mergers(IRAQ), **seat_shifts(IRAQ, 2)}
    on_dask = sweep(scenarios, executor=dask_executor)
    serial = sweep(scenarios, executor=SerialExecutor())
    assert list(on_dask) == list(scenarios)
    assert on_dask == serial
    assert all(on_dask[name].game is game for name, game in scenarios.items())
    small = small_scenarios()
    assert {k: v.to_dict() for k, v in sweep(small, executor=dask_executor).items()} == \
        brute_reference(small)


def test_sweep_on_a_dask_cluster_names_a_failing_scenario(dask_executor):
    with pytest.raises(SweepError) as caught:
        sweep(pairwise_mergers(IRAQ5), fail_when_kurds_merged, executor=dask_executor,
              chunksize=1)
    assert caught.value.scenario == "Iraqiya+Kurds"
    assert isinstance(caught.value.__cause__, pi.UnknownPlayerError)

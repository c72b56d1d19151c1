"""powerindex: exact power indices for weighted and simple voting games.

>>> import powerindex as pi
>>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Others"])
>>> pi.shapley_shubik(iraq)["Kurds"]
Fraction(2, 15)

Start-up: every command-line call pays for ``import powerindex``, so the package imports
networkx only where a graph is built or checked (the modules that do import it inside the
function): a third of the start-up saved for the indices, which need no graph.
"""

from ._version import __version__
from .errors import (
    EquilibriumError,
    GameFileError,
    GameTooLargeError,
    GraphError,
    ImproperGameWarning,
    IncompatibleGamesError,
    InvalidArgumentError,
    InvalidGameError,
    InvalidMethodError,
    InvalidPlayerError,
    InvalidQuotaError,
    InvalidSamplingError,
    InvalidTypeError,
    InvalidUnionsError,
    InvalidWeightError,
    NucleolusError,
    PositionError,
    PowerIndexError,
    PrecisionWarning,
    ReportError,
    SweepError,
    UnknownPlayerError,
)
from .estimate import ConfidenceInterval, Estimate, estimate
from .games import (
    MAJORITY,
    CompositeGame,
    Game,
    Share,
    SimpleGame,
    WeightedGame,
    minimum_sum_representation,
    share,
)
from .indices import (
    Coalitions,
    FloatPowerIndexResult,
    PowerIndexResult,
    banzhaf,
    coleman_collectivity,
    coleman_initiate,
    coleman_prevent,
    deegan_packel,
    holler,
    johnston,
    minimal_winning_coalitions,
    minimum_size_winning_coalitions,
    minimum_weight_winning_coalitions,
    shapley_shubik,
    swing_coalitions,
    swing_probability,
    swings,
    vote_probabilities,
    winning_coalitions,
)
from .politics import (
    BargainingResult,
    Coalition,
    GamsonFit,
    MedianParty,
    RestrictedGame,
    Scenario,
    SpatialEstimate,
    banzhaf_owen,
    baron_ferejohn,
    closed_minimal_range_coalitions,
    coalition_theories,
    compare,
    compatibility_graph,
    compatibility_graph_from_positions,
    formateur_partners,
    gamson_fit,
    governing_coalitions,
    is_connected_coalition,
    leverage,
    median_party,
    merge_graph,
    minimal_range_coalitions,
    myerson,
    owen,
    policy_range,
    policy_variance,
    portfolio_allocation,
    quotient_game,
    recognition_shares,
    restrict,
    shapley_owen,
)
from .present.tables import Table
from .tu import (
    LeastCore,
    TUGame,
    banzhaf_value,
    core_vertices,
    in_core,
    in_kernel,
    in_prekernel,
    is_balanced,
    is_convex,
    is_superadditive,
    kernel_point,
    least_core,
    marginal_vectors,
    maximum_surpluses,
    nucleolus,
    prenucleolus,
    shapley_value,
    tau_value,
    to_tu_game,
    weber_set,
)

__all__ = [
    "__version__",
    # games
    "Game",
    "WeightedGame",
    "SimpleGame",
    "CompositeGame",
    "Share",
    "share",
    "MAJORITY",
    # indices
    "shapley_shubik",
    "banzhaf",
    "swings",
    "coleman_prevent",
    "coleman_initiate",
    "coleman_collectivity",
    "johnston",
    "deegan_packel",
    "holler",
    "swing_probability",
    "vote_probabilities",
    "PowerIndexResult",
    "FloatPowerIndexResult",
    "Coalitions",
    "Table",
    "HtmlReport",
    "markdown_page",
    "Study",
    "write_report",
    "write_pages",
    "minimum_sum_representation",
    # coalitions
    "winning_coalitions",
    "minimal_winning_coalitions",
    "minimum_size_winning_coalitions",
    "minimum_weight_winning_coalitions",
    "swing_coalitions",
    # coalition politics
    "restrict",
    "RestrictedGame",
    "myerson",
    "compatibility_graph",
    "merge_graph",
    "is_connected_coalition",
    "owen",
    "banzhaf_owen",
    "quotient_game",
    "Scenario",
    "leverage",
    "compare",
    "formateur_partners",
    "governing_coalitions",
    "coalition_theories",
    "Coalition",
    # policy positions
    "minimal_range_coalitions",
    "closed_minimal_range_coalitions",
    "policy_range",
    "policy_variance",
    "compatibility_graph_from_positions",
    "median_party",
    "MedianParty",
    "shapley_owen",
    "SpatialEstimate",
    # bargaining
    "baron_ferejohn",
    "recognition_shares",
    "BargainingResult",
    "portfolio_allocation",
    "gamson_fit",
    "GamsonFit",
    # general TU games
    "TUGame",
    "to_tu_game",
    "shapley_value",
    "banzhaf_value",
    "nucleolus",
    "prenucleolus",
    "in_core",
    "core_vertices",
    "least_core",
    "LeastCore",
    "is_balanced",
    "marginal_vectors",
    "weber_set",
    "maximum_surpluses",
    "in_kernel",
    "in_prekernel",
    "kernel_point",
    "tau_value",
    "is_superadditive",
    "is_convex",
    # files
    "GameSpec",
    "ScenarioChanges",
    "read_game",
    "read_tu_game",
    "loads_tu_game",
    "write_game",
    # large games and many games
    "estimate",
    "Estimate",
    "ConfidenceInterval",
    "sweep",
    "sweep_table",
    "pairwise_mergers",
    "seat_shifts",
    "graph_variants",
    # errors
    "PowerIndexError",
    "InvalidGameError",
    "InvalidWeightError",
    "InvalidQuotaError",
    "InvalidPlayerError",
    "InvalidTypeError",
    "UnknownPlayerError",
    "IncompatibleGamesError",
    "InvalidMethodError",
    "InvalidArgumentError",
    "GameTooLargeError",
    "GraphError",
    "NucleolusError",
    "EquilibriumError",
    "GameFileError",
    "InvalidSamplingError",
    "SweepError",
    "ReportError",
    "PrecisionWarning",
    "InvalidUnionsError",
    "PositionError",
    "ImproperGameWarning",
]


# Loaded when first used, so that ``import powerindex`` (and every command-line call) does
# not pay for file formats, process pools, HTML pages or matplotlib it may never use.
_LAZY = {
    "GameSpec": "readwrite",
    "ScenarioChanges": "readwrite",
    "read_game": "readwrite",
    "write_game": "readwrite",
    "read_tu_game": "readwrite",
    "loads_tu_game": "readwrite",
    "sweep": "sweeps",
    "sweep_table": "sweeps",
    "pairwise_mergers": "sweeps",
    "seat_shifts": "sweeps",
    "graph_variants": "sweeps",
    "HtmlReport": "present.html",
    "markdown_page": "present.html",
    "Study": "study",
    "write_report": "study",
    "write_pages": "study",
}
_LAZY_MODULES = {"readwrite": "readwrite", "sweeps": "sweeps", "cli": "cli",
                 "plot": "present.plot", "study": "study"}


def __getattr__(name):
    from importlib import import_module

    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
    elif name in _LAZY_MODULES:
        value = import_module(f".{_LAZY_MODULES[name]}", __name__)
    else:
        raise AttributeError(f"module 'powerindex' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted({*globals(), *_LAZY, *_LAZY_MODULES})

"""powerindex: exact power indices for weighted and simple voting games.

>>> import powerindex as pi
>>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Others"])
>>> pi.shapley_shubik(iraq)["Kurds"]
Fraction(2, 15)
"""

from .coalitions import (
    minimal_winning_coalitions,
    minimum_size_winning_coalitions,
    minimum_weight_winning_coalitions,
    swing_coalitions,
    winning_coalitions,
)
from .errors import (
    GameFileError,
    GameTooLargeError,
    GraphError,
    ImproperGameWarning,
    IncompatibleGamesError,
    InvalidGameError,
    InvalidMethodError,
    InvalidPlayerError,
    InvalidQuotaError,
    InvalidSamplingError,
    InvalidTypeError,
    InvalidUnionsError,
    InvalidWeightError,
    NucleolusError,
    PowerIndexError,
    PrecisionWarning,
    ReportError,
    SweepError,
    UnknownPlayerError,
)
from .games import CompositeGame, Game, SimpleGame, WeightedGame
from .graphs import (
    compatibility_graph,
    is_connected_coalition,
    merge_graph,
    myerson,
    restrict,
)
from .indices import (
    FloatPowerIndexResult,
    banzhaf,
    coleman_collectivity,
    coleman_initiate,
    coleman_prevent,
    deegan_packel,
    holler,
    johnston,
    shapley_shubik,
    swings,
)
from .io import GameSpec, ScenarioChanges, read_game, write_game
from .leverage import (
    Coalition,
    Scenario,
    coalition_theories,
    compare,
    formateur_partners,
    governing_coalitions,
    leverage,
)
from .montecarlo import ConfidenceInterval, Estimate, estimate
from .quotas import MAJORITY, Share, share
from .report import HtmlReport, markdown_page
from .representation import minimum_sum_representation
from .results import PowerIndexResult
from .sweeps import graph_variants, pairwise_mergers, seat_shifts, sweep, sweep_table
from .tables import Table
from .tu import TUGame, banzhaf_value, nucleolus, shapley_value, to_tu_game
from .unions import banzhaf_owen, owen, quotient_game

__version__ = "0.1.0"

__all__ = [
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
    "PowerIndexResult",
    "FloatPowerIndexResult",
    "Table",
    "HtmlReport",
    "markdown_page",
    "minimum_sum_representation",
    # coalitions
    "winning_coalitions",
    "minimal_winning_coalitions",
    "minimum_size_winning_coalitions",
    "minimum_weight_winning_coalitions",
    "swing_coalitions",
    # coalition politics
    "restrict",
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
    # general TU games
    "TUGame",
    "to_tu_game",
    "shapley_value",
    "banzhaf_value",
    "nucleolus",
    # files
    "GameSpec",
    "ScenarioChanges",
    "read_game",
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
    "GameTooLargeError",
    "GraphError",
    "NucleolusError",
    "GameFileError",
    "InvalidSamplingError",
    "SweepError",
    "ReportError",
    "PrecisionWarning",
    "InvalidUnionsError",
    "ImproperGameWarning",
]

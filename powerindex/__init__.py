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
    GameTooLargeError,
    GraphError,
    ImproperGameWarning,
    IncompatibleGamesError,
    InvalidGameError,
    InvalidMethodError,
    InvalidPlayerError,
    InvalidQuotaError,
    InvalidTypeError,
    InvalidUnionsError,
    InvalidWeightError,
    NucleolusError,
    PowerIndexError,
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
from .leverage import (
    Coalition,
    Scenario,
    coalition_theories,
    compare,
    formateur_partners,
    governing_coalitions,
    leverage,
)
from .quotas import MAJORITY, Share, share
from .results import PowerIndexResult
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
    "Table",
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
    "InvalidUnionsError",
    "ImproperGameWarning",
]

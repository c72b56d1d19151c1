"""Coalition politics: which coalitions can form, who bargains with whom, who holds leverage.

* compatibility graphs (:mod:`.graphs`) and the games they restrict (:mod:`.restriction`),
  the Myerson value (:mod:`.myerson`);
* a priori unions: the Owen and Banzhaf-Owen values and the quotient game (:mod:`.unions`);
* the formateur's view and the classic coalition theories (:mod:`.formation`), with
  policy positions: Leiserson's minimal range and De Swaan's closed minimal range;
* policy positions (:mod:`.positions`): the policy distance of a coalition, graphs from
  positions; the median party and the core (:mod:`.median`); the Shapley-Owen spatial
  power index (:mod:`.spatial`);
* kingmaker leverage and scenario comparison (:mod:`.leverage`);
* legislative bargaining: the Baron-Ferejohn equilibrium (:mod:`.bargaining`);
* portfolio allocation against Gamson's law (:mod:`.portfolios`).
"""

from .bargaining import BargainingResult, baron_ferejohn, recognition_shares
from .formation import (
    Coalition,
    closed_minimal_range_coalitions,
    coalition_theories,
    formateur_partners,
    governing_coalitions,
    minimal_range_coalitions,
)
from .graphs import compatibility_graph, is_connected_coalition, merge_graph
from .leverage import Scenario, compare, leverage
from .median import MedianParty, median_party
from .myerson import myerson
from .portfolios import GamsonFit, gamson_fit, portfolio_allocation
from .positions import compatibility_graph_from_positions, policy_range, policy_variance
from .restriction import RestrictedGame, restrict
from .spatial import shapley_owen
from .spatial_estimate import SpatialEstimate
from .unions import banzhaf_owen, owen, quotient_game

__all__ = [
    "compatibility_graph",
    "merge_graph",
    "is_connected_coalition",
    "restrict",
    "RestrictedGame",
    "myerson",
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
    "minimal_range_coalitions",
    "closed_minimal_range_coalitions",
    "policy_range",
    "policy_variance",
    "compatibility_graph_from_positions",
    "median_party",
    "MedianParty",
    "shapley_owen",
    "SpatialEstimate",
    "baron_ferejohn",
    "recognition_shares",
    "BargainingResult",
    "portfolio_allocation",
    "gamson_fit",
    "GamsonFit",
]

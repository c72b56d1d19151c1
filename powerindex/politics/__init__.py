"""Coalition politics: which coalitions can form, who bargains with whom, who holds leverage.

* compatibility graphs (:mod:`.graphs`) and the games they restrict (:mod:`.restriction`),
  the Myerson value (:mod:`.myerson`);
* a priori unions: the Owen and Banzhaf-Owen values and the quotient game (:mod:`.unions`);
* the formateur's view and the classic coalition theories (:mod:`.formation`);
* kingmaker leverage and scenario comparison (:mod:`.leverage`);
* legislative bargaining: the Baron-Ferejohn equilibrium (:mod:`.bargaining`);
* portfolio allocation against Gamson's law (:mod:`.portfolios`).
"""

from .bargaining import BargainingResult, baron_ferejohn, recognition_shares
from .formation import Coalition, coalition_theories, formateur_partners, governing_coalitions
from .graphs import compatibility_graph, is_connected_coalition, merge_graph
from .leverage import Scenario, compare, leverage
from .myerson import myerson
from .portfolios import GamsonFit, gamson_fit, portfolio_allocation
from .restriction import RestrictedGame, restrict
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
    "baron_ferejohn",
    "recognition_shares",
    "BargainingResult",
    "portfolio_allocation",
    "gamson_fit",
    "GamsonFit",
]

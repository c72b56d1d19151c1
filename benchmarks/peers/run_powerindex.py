"""Peer runner: PyPI ``powerindex`` 0.3.5 (M. Litvak), an older, unrelated project of the
same name as ours: ``Game(quota, weights).calc_banzhaf()`` / ``.calc_shapley_shubik()``,
normalized indices as floats (generating functions in pure Python)."""

from _protocol import Unsupported, serve

from powerindex import powerindex as peer


def compute(weights, quota, index):
    game = peer.Game(quota, weights=weights)
    if index == "banzhaf":
        game.calc_banzhaf()
        return "normalized", game.banzhaf
    if index == "shapley_shubik":
        game.calc_shapley_shubik()
        return "normalized", game.shapley_shubik
    raise Unsupported(index)


if __name__ == "__main__":
    serve("powerindex", compute)

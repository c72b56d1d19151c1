"""The UN Security Council: Shapley and Shubik's classic veto game, before and after 1965."""

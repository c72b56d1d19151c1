"""The Council of the EU (27 members): Lisbon double majority against Nice weighted votes."""

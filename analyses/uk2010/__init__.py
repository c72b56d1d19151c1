"""The UK hung parliament of May 2010: the Liberal Democrats as kingmakers."""

"""Models of citizen participation: one module per kind of submission."""

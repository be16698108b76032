"""Item catalog, form and material specs, validators, rules and search; Qt-free."""

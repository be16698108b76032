"""Data files shipped with the app: catalog, templates, translations, themes."""

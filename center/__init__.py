"""Reference implementation of the acceptance-center API v1 (FastAPI)."""

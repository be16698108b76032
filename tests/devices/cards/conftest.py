"""The PC/SC stack fixture lives in ``tests.support.pcsc_stack``, loaded for the whole
suite by tests/conftest.py: one pcscd per run, shared by every directory that needs it
(two session fixtures would each start a pcscd, and only one can run)."""

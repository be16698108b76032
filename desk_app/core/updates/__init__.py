"""Signed self-update (TUF, through tufup): publishing a version, checking, installing.

``publish`` is the technician's side (the update repository and its keys); ``client``
checks and downloads against ``[update] url`` and verifies every byte against signed
metadata; ``install`` swaps a verified bundle into place at the next start, keeping the
previous version for one rollback. Qt-free: the GUI passes its own guard in.
"""

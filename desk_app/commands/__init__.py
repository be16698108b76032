"""Sub-commands of ``desk-app``; one module each, registered in ``desk_app.cli``."""

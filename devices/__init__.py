"""Hardware drivers for the counter; Qt-free and independent of the rest of the project."""

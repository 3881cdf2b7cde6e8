"""``python -m directory ...`` runs the directory CLI."""
import sys

from directory.cli import main

sys.exit(main())

"""The bundle's program: the same command line as the installed ``videomanager`` (the window without a
command)."""

import sys

from videomanager.cli import main

if __name__ == "__main__":
    sys.exit(main())

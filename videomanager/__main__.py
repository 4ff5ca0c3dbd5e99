"""python -m videomanager -> the command line (no sub-command opens the window)."""

from videomanager.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m tazformat``: the same as the ``tazformat`` command."""

from .cli import main

raise SystemExit(main())

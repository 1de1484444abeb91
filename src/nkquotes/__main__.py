"""``python -m nkquotes``: the command line."""

import sys

from nkquotes._cli import main

sys.exit(main())

"""MkDocs hook: show the Sphinx roles of nkquotes' docstrings as plain code in the API page.

The docstrings write ``:func:`extract``` as Python's own documentation does; mkdocstrings
renders that as the literal ``:func:`` followed by the code. This hook drops the role, and
links the name to its entry when the page has one.
"""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(r":(?:class|meth|func|data|attr|mod|exc|obj):<code>([^<]*)</code>")
_ANCHOR = re.compile(r'id="(nkquotes\.[^"]+)"')


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    anchors = set(_ANCHOR.findall(html))

    def replace(match: re.Match[str]) -> str:
        name = match.group(1).lstrip("~.")
        short = name.rsplit(".", 1)[-1] if match.group(1).startswith("~") else name
        for anchor in (name, f"nkquotes.{name}"):
            if anchor in anchors:
                return f'<a href="#{anchor}"><code>{short}</code></a>'
        return f"<code>{short}</code>"

    return _ROLE.sub(replace, html)

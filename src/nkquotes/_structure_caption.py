"""Photo captions: whether a line holds a caption's credit or label (``FILE PHOTO:``,
``(AP Photo/Ahn Young-joon)``, ``KCNA/via REUTERS``)."""

from __future__ import annotations

from nkquotes import _lazyregex
from nkquotes._asciifold import ascii_fold as fold

__all__ = ["CAPTION", "caption_search", "has_caption_word", "is_caption"]

# The branches of ``CAPTION``, in its order.
_CAPTION_BRANCHES = (
    # 0: a label opening the line: ``FILE PHOTO:``
    r"^(?:file\s+)?(?:photo|picture|image|pictured|above|top|main\s+image)\s*:",
    # 1: a bracketed photo credit closing the line: ``(AP Photo/Ahn Young-joon)``
    r"\((?:[^()\n]{0,40}\s)?(?:photo|photograph|image|picture|file\s+photo)s?"
    r"(?:\s*(?::|by|/|courtesy)[^()\n]{0,60})?\)\.?\s*$",
    # 2: ``Photo: Name`` closing the line
    r"(?:^|\s)(?:photo|image|picture)\s*(?::|by|courtesy\s+of)\s+[^\n]{1,60}$",
    # 3: a wire's credit closing the line: ``KCNA/via REUTERS``
    r"(?:/|\bvia\s+|\bcredit:\s*)(?:reuters|afp|ap|getty\s+images|epa|yonhap|kcna|xinhua"
    r"|shutterstock|bloomberg)\b(?:\s+(?:photos?|images?|file|pictures?))?\W{0,3}$",
    # 4: a photo agency's credit near the end: ``(Getty Images)``
    r"\b(?:getty\s+images|ap\s+photo|afp\s+photo|epa-efe|shutterstock)\b[^\n]{0,40}\)?\.?$",
    # 5: ``In this undated file photo``
    r"\bin\s+this\s+(?:undated\s+)?(?:file\s+)?(?:photo|picture|image|handout)",
    # 6: ``a photo released by``
    r"\b(?:photo|picture|image)s?\s+(?:released|provided|taken|distributed|supplied)\s+by\b",
    # 7: ``(Cover image: …``
    r"^\(\s*(?:cover|cover\s+image|file\s+photo|photo|image|picture)\s*:",
    # 8: ``(L) speaks``
    r"\((?:L|R|C|left|right|center|centre|front|\d(?:st|nd|rd|th)\s+[LR])\)"
    r"\s+(?:speaks|talks|shakes|poses|attends|arrives|looks|walks|meets|waves|salutes)\b",
)
#: A photo caption's credit or label: ``FILE PHOTO:``, ``(AP Photo)``, ``KCNA/via REUTERS``.
CAPTION = _lazyregex.compile("(?i)" + "|".join(_CAPTION_BRANCHES))
# The branches one by one: searching each only where it can match is several times quicker
# than searching the alternation, which tries every branch at every position of the line.
_BRANCH = tuple(_lazyregex.compile("(?i)" + branch) for branch in _CAPTION_BRANCHES)
# Branch 2 without its opening ``(?:^|\s)``, tried where one of its words stands.
_LABEL_END = _lazyregex.compile(
    r"(?i)(?:photo|image|picture)\s*(?::|by|courtesy\s+of)\s+[^\n]{1,60}$"
)
_SPACE = _lazyregex.compile(r"\s")
_LABELS = ("file", "photo", "picture", "image", "above", "top", "main")

_CAPTION_STARTS = (*_LABELS, "(")
_CAPTION_WORDS = ("photo", "image", "picture", "handout", "getty", "epa-efe", "shutterstock")
# Prose often holds ``/``, ``via`` or ``credit``: the only branch that needs one of them also
# needs the line to end in a wire's name or a photo word, then at most three marks.
_CAPTION_CREDIT_WORDS = ("/", "via", "credit")
_CAPTION_TAIL = _lazyregex.compile(
    r"(?:reuters|afp|ap|images|epa|yonhap|kcna|xinhua|shutterstock|bloomberg|photos?|file"
    r"|pictures?)\W{0,3}$"
)
# Likewise ``(left)`` or ``(R)`` is only a caption before one of these verbs.
_CAPTION_SIDES = ("l)", "r)", "c)", "t)", "e)")
_CAPTION_VERBS = (
    "speaks", "talks", "shakes", "poses", "attends", "arrives", "looks", "walks", "meets",
    "waves", "salutes",
)  # fmt: skip


def has_caption_word(low: str) -> bool:
    """Whether the folded line *low* holds a word of ``_CAPTION_WORDS`` (a loop of ``in``
    tests: as fast as the chain written out, and cheaper than a pattern's search)."""
    for word in _CAPTION_WORDS:  # noqa: SIM110 (any() over a generator is twice as slow)
        if word in low:
            return True
    return False


def is_caption(line: str, folded: str | None = None) -> bool:
    """Whether :data:`CAPTION` occurs in *line* (tried only when a word it needs is there).

    *folded* is ``fold(line)`` if the caller has it.
    """
    low = fold(line) if folded is None else folded
    if low.startswith(_CAPTION_STARTS):
        return caption_search(line, low)
    if has_caption_word(low):
        return caption_search(line, low)
    if (
        ("/" in low or "via" in low or "credit" in low)  # _CAPTION_CREDIT_WORDS
        # The longest ending is ``shutterstock`` and three marks.
        and _CAPTION_TAIL.search(low, max(0, len(low) - 16)) is not None
    ) or (
        ")" in low
        # _CAPTION_SIDES, written out
        and ("l)" in low or "r)" in low or "c)" in low or "t)" in low or "e)" in low)
        and any(verb in low for verb in _CAPTION_VERBS)
    ):
        return caption_search(line, low)
    return False


def caption_search(line: str, low: str) -> bool:
    """``CAPTION.search(line) is not None``, where *low* is ``fold(line)``.

    The alternation matches where one of its branches does, and each branch is tried only
    when *low* holds what it needs: ``fold`` maps each character that a case-insensitive
    letter matches to that letter and keeps the length, so a word the pattern matches at
    ``i`` stands in *low* at ``i``.
    """
    branch = _BRANCH
    if low.startswith(_LABELS) and branch[0].match(line) is not None:
        return True
    if line.startswith("(") and branch[7].match(line) is not None:
        return True
    photo = "photo" in low or "image" in low or "picture" in low
    if "(" in line and ")" in line:
        if photo and branch[1].search(line) is not None:
            return True
        if branch[8].search(line) is not None:
            return True
    if photo and (_label_end(line, low) or branch[6].search(line) is not None):
        return True
    if (
        (photo or "handout" in low)
        and "this" in low
        and "in" in low
        and branch[5].search(line) is not None
    ):
        return True
    if ("/" in low or "via" in low or "credit" in low) and branch[3].search(line) is not None:
        return True
    return (
        "getty" in low or "epa-efe" in low or "shutterstock" in low or "photo" in low
    ) and branch[4].search(line) is not None


def _label_end(line: str, low: str) -> bool:
    """Branch 2 of :data:`CAPTION`: tried at each of its words in *low* that opens the line
    or follows a space."""
    for word in ("photo", "image", "picture"):
        at = low.find(word)
        while at >= 0:
            if (at == 0 or _SPACE.match(line, at - 1) is not None) and _LABEL_END.match(
                line, at
            ) is not None:
                return True
            at = low.find(word, at + 1)
    return False

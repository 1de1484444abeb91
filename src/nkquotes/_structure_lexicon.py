"""The page-furniture lexicon: what navigation, share, comment, credit and related lines
look like on English news pages and blogs, and which wire agencies a credit can name.

Everything here is a general pattern of web pages, matched against a whole trimmed line
(or, for the inline patterns, the start or end of a paragraph). Patterns are compiled once.
"""

from __future__ import annotations

import regex

from nkquotes import _lazyregex
from nkquotes._asciifold import ascii_fold
from nkquotes._model import BoilerplateKind
from nkquotes._sentences import wordset
from nkquotes._structure_caption import CAPTION, is_caption

__all__ = [
    "AGENCY_NAME",
    "CAPTION",
    "CREDITED_CAPTION",
    "LEADING_TOKEN",
    "TRAILING_AGENCY",
    "TRAILING_BOILERPLATE",
    "canonical_agency",
    "classify_line",
    "fold",
    "furniture_kind",
    "is_caption",
    "is_non_english",
    "may_be_furniture",
    "trailing_agency",
    "trailing_boilerplate",
]

K = BoilerplateKind

# Wire services and agencies a credit may name, with their canonical spelling.
_AGENCIES = {
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france-press": "AFP",
    "agence france presse": "AFP",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "dpa": "dpa",
    "sputnik": "Sputnik",
    "tass": "TASS",
    "itar-tass": "TASS",
    "ria novosti": "RIA Novosti",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "bernama": "Bernama",
    "efe": "EFE",
    "ansa": "ANSA",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "jiji": "Jiji",
    "jiji press": "Jiji",
    "newsis": "Newsis",
    "news1": "News1",
    "kcna": "KCNA",
    "korean central news agency": "KCNA",
}

_AGENCY_ALTERNATION = "|".join(
    regex.escape(name) for name in sorted(_AGENCIES, key=len, reverse=True)
)
#: An agency name as a whole word (any case).
AGENCY_NAME = _lazyregex.compile(
    rf"(?i)(?<![\p{{L}}\p{{N}}])(?:{_AGENCY_ALTERNATION})(?![\p{{L}}\p{{N}}])"
)


def agency_alternation() -> str:
    """A regular-expression alternation of every agency name (longest first)."""
    return _AGENCY_ALTERNATION


def canonical_agency(name: str) -> str | None:
    """The canonical name of the agency *name* spells, or ``None`` if it is not one."""
    return _AGENCIES.get(" ".join(name.lower().split()))


_BULLET = r"[\s•·|›»>\-–—*]*"

# Whole-line furniture, by kind. Case-insensitive; bullets and stray marks may surround it.
_LINE_PATTERNS: tuple[tuple[BoilerplateKind, str], ...] = (
    (
        K.NAVIGATION,
        r"(?:back\s+to\s+top|go\s+(?:to\s+)?top|to\s+top|top|home|menu(?:\s+content)?|main\s+menu"
        r"|skip\s+to\s+(?:main\s+)?content|search|close|open|next|previous|prev|next\s+article"
        r"|previous\s+article|article\s+content|load\s+more|show\s+more|see\s+more|view\s+more"
        r"|more|photos?|videos?|gallery|news\s+update|breaking\s+news|advertisement|sponsored"
        r"|sponsored\s+content|cheat\s+sheet|print|font\s+size|adjust\s+font\s+size|text\s+size"
        r"|listen(?:\s+to\s+this\s+article)?|loading\s*(?:\.*|…)|powered\s+by|watch\s+above.{0,60}"
        r"|filed\s+under:?.{0,80}|home\s*>+|sections?"
        r"|latest(?:\s+news)?|world\s+news|top\s+news|opinion|menu\s+close|toggle\s+navigation"
        r"|\d+\s+min(?:ute)?s?\s+read|\#[\w-]+(?:\s+[\w-]+){0,3}"
        r"|[a-z .'’]{1,30}\s*(?:>>|›|»)\s*[a-z .'’>›»]{0,60}"
        r"|[\w.&'’-]+(?:\s[\w.&'’-]+){0,3}(?:\s+>\s+[\w.&'’-]+(?:\s[\w.&'’-]+){0,3})+"
        r"|you\s+are\s+here:?|tagged\s+topics|tags:?|topics:?|filed\s+under:?|bookmark"
        r"|(?:[\w.'’]+(?:\s[\w.'’]+){0,3}\s+[-|–]\s+){2,}[\w.'’]+(?:\s[\w.'’]+){0,3})",
    ),
    (
        K.SHARE,
        r"(?:share(?:\s+(?:this|it|button|story|article))?(?:\s+(?:article|story|post))?|share\s+on\s+\w+|tweet|e-?mail"
        r"|whatsapp|telegram|pinterest|linkedin|reddit|facebook|twitter|copy\s+link"
        r"|link\s+copied|share\s+via\s+\w+|(?:facebook|twitter|google|wordpress\.com)\s+"
        r"(?:picture|photo|account)|share\s+(?:facebook|twitter|email)(?:\s+\w+){0,4})",
    ),
    (
        K.COMMENTS,
        r"(?:be\s+the\s+first\s+to\s+comment|leave\s+a\s+(?:reply|comment)|click\s+to\s+comment"
        r"|\d*\s*comments?(?:\s*\(\d+\))?|read\s+comments|view\s+comments|show\s+comments|post\s+(?:a\s+)?comment"
        r"|add\s+(?:a\s+)?comment|join\s+the\s+(?:discussion|conversation)|cancel\s+reply"
        r"|your\s+email\s+address\s+will\s+not\s+be\s+published\..{0,120}"
        r"|required\s+fields\s+are\s+marked\s*\*?|\*|name\s*\*?|email\s*\*?|website|comment\s*\*?"
        r"|fill\s+in\s+your\s+details\s+below.{0,120}|you\s+are\s+commenting\s+using\s+your.{0,120}"
        r"|log\s+out\s*/?\s*change\s*\)?|connecting\s+to\s+%s|%d\s+bloggers\s+like\s+this:?"
        r"|notify\s+me\s+of\s+(?:new|follow-up)\s+.{0,80}|like\s+this:?|like\s+loading\.*"
        r"|save\s+my\s+name,?\s+email.{0,120}|this\s+site\s+uses\s+akismet.{0,160}"
        r"|comments\s+are\s+closed\.?|discussion\s+closed.{0,40})",
    ),
    (
        K.COPYRIGHT,
        r"(?:(?:copyright|©|\(c\)).{0,200}|all\s+rights\s+reserved\.?.{0,120}"
        r"|this\s+material\s+may\s+not\s+be\s+published.{0,200}"
        r"|this\s+website\s+uses\s+cookies.{0,400}|we\s+use\s+cookies.{0,400}"
        r"|by\s+continuing\s+to\s+(?:use|browse).{0,300}|privacy\s+policy|terms\s+of\s+(?:use|service))",
    ),
    (
        K.CREDIT,
        r"(?:\(?(?:reporting|writing|editing|additional\s+reporting|compiled|edited|translated"
        r"|produced|photos?|graphics?)\s+by\b[^\n]{0,300}|\(?web\s+editor:[^\n]{0,120}\)?"
        r"|\(end\)|enditem|end\s+item|-\s*\p{L}{2,12}|source:\s*[^\n]{1,60}|sources?:"
        r"|reporter\s*:?|editor\s*:?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
        r"|have\s+a\s+(?:news\s+)?tip.{0,80}|[^\n]{0,200}\b(?:send\s+(?:us\s+)?tips|follow\s+(?:him|her|them)"
        r"\s+on\s+(?:twitter|x|facebook))\b[^\n]{0,200}|-0-"
        r"|this\s+(?:is\s+a\s+breaking\s+(?:news\s+)?story|story\s+(?:is\s+developing|has\s+been"
        r"\s+updated)|article\s+(?:was\s+)?(?:originally\s+)?(?:published|appeared)).{0,160})",
    ),
    (
        K.RELATED,
        r"(?:related(?:\s+(?:news|stories|articles|posts|content|coverage|topics))?|read\s+more:?"
        r"|see\s+also:?|more\s+stories|more\s+news|more\s+videos|more\s+photos|more\s+on\s+this(?:\s+story)?|most\s+(?:popular"
        r"|read|viewed|shared)|popular(?:\s+(?:now|stories))?|trending(?:\s+now)?|you\s+may\s+also"
        r"\s+like|recommended(?:\s+(?:for\s+you|stories))?|also\s+read:?|top\s+stories"
        r"|(?:also\s+read|read\s+also|read\s+more|see\s+also|related|more)\s*:\s*[^\n]{1,160}"
        r"|editor'?’?s\s+picks?|our\s+picks|read\s+more\s+(?:from|at|on)\s+[^\n]{1,80}"
        r"|more\s+from\s+[^\n]{1,40}|\(more\s+[^()\n]{0,60}\s+stories\.?\))",
    ),
    (
        K.SUBSCRIPTION,
        r"(?:subscribe(?:\s+now)?(?:\s+to\s+[^\n]{0,80})?|sign\s+up(?:\s+(?:for|to)\s+[^\n]{0,100})?"
        r"|newsletter|get\s+(?:our|the)\s+newsletter.{0,80}|sign\s+in|log\s*in|register"
        r"|support\s+(?:our|independent)\s+journalism.{0,160}|become\s+a\s+(?:member|subscriber)"
        r".{0,120}|donate|download\s+(?:our|the)\s+app.{0,80}|[^\n]{0,40}mobile\s+app(?:lication)?"
        r"|get\s+the\s+latest\s+news.{0,100}|already\s+a\s+subscriber\??.{0,80}"
        r"|to\s+continue\s+reading.{0,120}|subscribers?\s+only.{0,80}|start\s+reading"
        r"|get\s+all\s+(?:your|the)\s+news.{0,60}|read\s+(?:it\s+)?(?:on|in)\s+the\s+app"
        r"|already\s+a\s+(?:member|subscriber)\??.{0,60}|(?:start\s+(?:your\s+)?)?(?:free\s+trial"
        r"|\w+\s+days?\s+free).{0,40})",
    ),
)


def _line_pattern(patterns: tuple[tuple[BoilerplateKind, str], ...]) -> str:
    body = "|".join(f"(?P<{kind.name}>{body})" for kind, body in patterns)
    return rf"(?i){_BULLET}(?:{body}){_BULLET}"


_LINE_RE = _lazyregex.compile(_line_pattern(_LINE_PATTERNS))

# The branches that need a mark or a phrase prose seldom has: ``>``, ``›`` or ``»`` (menus),
# a separator between spaces (``World - Asia``), or one of ``_LINE_PHRASE``'s phrases. They
# are the slow ones on a long line (a fullmatch backtracks through them at every word).
_MARKED_BRANCHES = (
    r"|[a-z .'’]{1,30}\s*(?:>>|›|»)\s*[a-z .'’>›»]{0,60}",
    r"|[\w.&'’-]+(?:\s[\w.&'’-]+){0,3}(?:\s+>\s+[\w.&'’-]+(?:\s[\w.&'’-]+){0,3})+",
    r"|(?:[\w.'’]+(?:\s[\w.'’]+){0,3}\s+[-|–]\s+){2,}[\w.'’]+(?:\s[\w.'’]+){0,3}",
    r"|home\s*>+",
    r"|[^\n]{0,200}\b(?:send\s+(?:us\s+)?tips|follow\s+(?:him|her|them)"
    r"\s+on\s+(?:twitter|x|facebook))\b[^\n]{0,200}",
    r"|[^\n]{0,40}mobile\s+app(?:lication)?",
    r"|(?:start\s+(?:your\s+)?)?(?:free\s+trial|\w+\s+days?\s+free).{0,40}",
)


def _without_marked(body: str) -> str:
    for branch in _MARKED_BRANCHES:
        body = body.replace(branch, "")
    return body


#: ``_LINE_RE`` without the marked branches: the same answer on a line that ``_marked``
#: says has none of their marks (an alternative that cannot match changes nothing).
_UNMARKED_LINE_RE = _lazyregex.compile(
    _line_pattern(tuple((kind, _without_marked(body)) for kind, body in _LINE_PATTERNS))
)


# Speed: most lines are prose, and the furniture pattern is a long alternation. Every one of
# its branches either starts (after the bullets) with one of these words or marks, or needs
# one of the marks or words in ``_LINE_ANYWHERE`` somewhere, or is one of the few cases
# ``may_be_furniture`` lists: a line meeting none of these conditions cannot match, and is
# not tried.
_LINE_STARTS_LIST = tuple(
    sorted(
        wordset(
            """
            # % © ( 0 1 2 3 4 5 6 7 8 9 add additional adjust advertisement all also
            already article back be become bookmark breaking by cancel cheat click
            close comment compiled connecting copy copyright discussion donate
            download e-mail edit email end fill filed font get go graphic have home
            join latest leave like link linkedin listen load log main menu more most
            name news newsletter next notify open opinion our photo pinterest
            popular post powered prev previous print privacy produced read
            recommended reddit register related reporter reporting required save
            search section see share show sign skip source sponsored start subscribe
            subscriber support tag telegram terms text this to toggle top topic
            translated trending tweet twitter video view watch we web website
            whatsapp world writing you your facebook google wordpress gallery
            """
        )
    )
)
#: The prefixes by their first character.
_LINE_STARTS = {
    c: tuple(w for w in _LINE_STARTS_LIST if w[0] == c) for c in {w[0] for w in _LINE_STARTS_LIST}
}
_LINE_ANYWHERE = ("send", "follow", "mobile", "free")
# What the branches needing one of those words need around it (prose says ``follow`` and
# ``free`` often): a line without one of these phrases cannot match them.
_LINE_PHRASE = _lazyregex.compile(
    r"(?i)send\s+(?:us\s+)?tips|follow\s+(?:him|her|them)\s+on\s+(?:twitter|x|facebook)"
    r"|mobile\s+app|free\s+trial|days?\s+free"
)
#: ``regex``'s ``\s`` (it leaves out U+001C-U+001F, which ``str.isspace`` counts).
REGEX_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_BULLET_CHARS = REGEX_SPACE + "•·|›»>-–—*"
_DASH_MENU = _lazyregex.compile(r"\s[-|–]\s")
_NOT_MENU_CHAR = _lazyregex.compile(r"[^\w\s.'’|–-]")
#: Lower-casing for substring tests before a pattern (shared with the stance rules).
fold = ascii_fold


def may_be_furniture(line: str, folded: str | None = None) -> bool:
    """False only when ``_LINE_RE`` cannot match the whole of *line* (see ``_LINE_STARTS``).

    *folded* is ``fold(line)`` if the caller has it.
    """
    if ">" in line or "›" in line or "»" in line or "@" in line:
        return True  # menus (``Home > World``) and addresses; the marks may be bullets too
    core = line.strip(_BULLET_CHARS)
    if not core:
        return True  # ``*``
    # Folding maps the bullet marks to themselves and nothing else to one of them, so the
    # folded line stripped is the stripped line folded.
    low = fold(core) if folded is None else folded.strip(_BULLET_CHARS)
    first = _LINE_STARTS.get(low[0])
    if first is not None and low.startswith(first):
        return True
    if (
        # _LINE_ANYWHERE, written out (a loop costs more than the tests)
        ("send" in low or "follow" in low or "mobile" in low or "free" in low)
        and _LINE_PHRASE.search(low) is not None
    ):
        return True
    if core[0].isdigit():
        return True  # ``3 comments``, ``5 min read`` with digits of another script
    if len(core) <= 12 and "-" in line:
        return True  # ``- Reuters``
    # A menu of dashed items (``World - Asia - Korea``) holds only words, dots, apostrophes
    # and separators: prose has a comma or another mark, found at once.
    return (
        ("-" in core or "|" in core or "–" in core)
        # A comma is one of ``_NOT_MENU_CHAR``'s marks: prose has one, found without the pattern.
        and "," not in core
        and _NOT_MENU_CHAR.search(core) is None
        and _DASH_MENU.search(core) is not None
    )


def _marked(line: str, folded: str | None = None) -> bool:
    """Whether *line* has what one of ``_MARKED_BRANCHES`` needs (or may have it)."""
    if ">" in line or "›" in line or "»" in line:
        return True
    if ("-" in line or "|" in line or "–" in line) and _may_be_dash_menu(line):
        return True
    low = fold(line) if folded is None else folded
    return (
        "send" in low or "follow" in low or "mobile" in low or "free" in low
    ) and _LINE_PHRASE.search(low) is not None


def _may_be_dash_menu(line: str) -> bool:
    """Whether the dashed-menu branch (``World - Asia - Korea``) may match all of *line*: it
    opens, after the bullets, with one to four words and a separator between spaces, so
    one of the first five words is that separator (prose has its dashes further on)."""
    head = line.lstrip(_BULLET_CHARS).split(None, 5)[:5]
    return ("-" in head or "|" in head or "–" in head) and _DASH_MENU.search(line) is not None


def classify_line(line: str, folded: str | None = None) -> BoilerplateKind | None:
    """The furniture kind of a whole trimmed line, or ``None`` if the lexicon does not know it.

    *folded* is ``fold(line)`` if the caller has it.
    """
    if len(line) > 600 or not may_be_furniture(line, folded):
        return None
    return furniture_kind(line, folded)


def furniture_kind(line: str, folded: str | None = None) -> BoilerplateKind | None:
    """:func:`classify_line` of a line of at most 600 characters that ``may_be_furniture``
    lets through (callers that test both themselves skip a call on every line of prose)."""
    pattern = _LINE_RE if _marked(line, folded) else _UNMARKED_LINE_RE
    match = pattern.fullmatch(line)
    if match is None or match.lastgroup is None:
        return None
    return BoilerplateKind[match.lastgroup]


#: A wire's photo credit inside a line: ``… on Wednesday. (Yonhap)``, ``(AP Photo/Ahn Young-joon)``.
CREDITED_CAPTION = _lazyregex.compile(
    rf"(?i)(?<=[.!?”\"’]\s{{0,2}})\((?:{_AGENCY_ALTERNATION})(?:\s+photo)?\)\.?(?:\s|$)"
    r"|\((?:ap|afp|epa|reuters|yonhap)\s+photo[^()\n]{0,60}\)"
)

#: Credits and page labels glued to the end of a paragraph.
TRAILING_BOILERPLATE = _lazyregex.compile(
    r"(?:\((?:reporting|writing|editing|additional\s+reporting)\s+by\b[^()\n]{1,300}\)"
    r"|\(more\s+[^()\n]{0,60}\s+stories\.?\)|\(end\)|\benditem|(?<=\s)-0-|\bmost\s+popular|\bread\s+more"
    r"|\bmost\s+read|\brelated\s+(?:news|stories|articles))$",
    regex.IGNORECASE,
)

#: A wire credit glued to the end of a paragraph: ``(Yonhap)``, ``(AFP)``, `` - Reuters``.
TRAILING_AGENCY = _lazyregex.compile(
    rf"(?:\((?P<a>{_AGENCY_ALTERNATION})\)\.?|(?<=[.\"'”’)]\s{{0,3}})(?P<b>(?-i:[A-Z]{{3,}}))"
    rf"|[-–—]\s*(?P<c>{_AGENCY_ALTERNATION}))$",
    regex.IGNORECASE,
)

_BOILERPLATE_ENDINGS = (
    ")", "enditem", "-0-", "popular", "more", "read", "news", "stories", "articles",
)  # fmt: skip


def trailing_boilerplate(text: str, start: int, end: int) -> regex.Match[str] | None:
    """:data:`TRAILING_BOILERPLATE` searched in ``text[start:end]`` (only when it can end
    with one of its closing words)."""
    if (
        end > start
        and text[end - 1] != "\n"
        and not fold(text[max(start, end - 12) : end]).endswith(_BOILERPLATE_ENDINGS)
    ):
        return None
    return TRAILING_BOILERPLATE.search(text, start, end)


# ``)``, a line break (``$`` may match before it) and what case-insensitive matching reads
# as an ASCII letter.
_AGENCY_LAST = frozenset(")\n\u0130\u017f\u212a")
#: Every agency name in lower case, for ``str.endswith``.
_AGENCY_ENDINGS = tuple(_AGENCIES)
#: The longest agency name.
_AGENCY_LONGEST = max(map(len, _AGENCIES))


def trailing_agency(text: str, start: int, end: int) -> regex.Match[str] | None:
    """:data:`TRAILING_AGENCY` searched in ``text[start:end]`` (only when the text can end
    with one of its three branches).

    Searching costs a try at each of the window's 400 characters, and every branch ends at
    the end: a bracketed name ends with ``)`` or ``).``, a run of capitals with an ASCII
    capital, a dashed name with the name (``fold`` reads it in any case).
    """
    if end > start:
        last = text[end - 1]
        if not (
            (last.isascii() and last.isalnum())
            or last in _AGENCY_LAST
            or text[end - 2 : end] == ")."
        ):
            return None
        if not (
            last == ")"
            or last == "\n"
            or "A" <= last <= "Z"
            or text[end - 2 : end] == ")."
            or fold(text[max(start, end - _AGENCY_LONGEST) : end]).endswith(_AGENCY_ENDINGS)
        ):
            return None
    return TRAILING_AGENCY.search(text, start, end)


#: A template token left in the page: ``{mosads}``, ``[caption]``.
LEADING_TOKEN = _lazyregex.compile(
    r"\{[A-Za-z_][\w-]{0,30}\}|\[(?:caption|/caption|embed)[^\]\n]{0,80}\]"
)

_ENGLISH = wordset(
    """
        the a an of to in and is are was were be been for on that with by as at from it its
        he she they we i you his her their our this these those has have had will would not
        no but or said says after over about who which what when than more new up out
        """
)


_LETTERS = _lazyregex.compile(r"[\p{L}']+")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz'")


def is_non_english(line: str) -> bool:
    """Whether a line of four or more words has no English function word at all."""
    low = line.lower()
    if " the " in low or " of " in low or " to " in low or " and " in low:
        # One of ``_ENGLISH`` is a token of its own: a Latin token, and English.
        return False
    tokens = _LETTERS.findall(low)
    if not tokens:
        return True
    if not any(t[0] in _LATIN for t in tokens):
        return True
    return len(tokens) >= 4 and not any(t in _ENGLISH for t in tokens)

"""Reported speech: indirect quotes, and mixed quotes that carry quoted words.

Each cue word outside quotation marks proposes a quote; its structure decides the speaker
mention and the content:

* ``X said (Wednesday) (that) CONTENT`` and ``X told reporters (that) CONTENT``;
* ``CONTENT, X said.`` / ``CONTENT, said X.`` and the parenthetical ``A, he said, B``, and
  ``according to X`` in any position (read by :mod:`nkquotes._quotes_orders`);
* ``asked by X whether CONTENT`` and ``X was quoted (by Y) as saying CONTENT``;
* ``…, saying CONTENT`` after a clause whose subject is the speaker;
* ``X's claim that CONTENT`` (:mod:`nkquotes._quotes_nouns`), ``prompted X to warn of …``.

The content stops at the sentence end or at the next participle cue (``, adding …``).
Quoted words inside the content make the quote mixed; content that is exactly one
quotation is direct. Quotations that no cue reaches are scare quotes and yield nothing.
"""

from __future__ import annotations

import bisect

from nkquotes import _lazyregex
from nkquotes._cues import CueEntry, CueIndex
from nkquotes._quotemarks import QUOTE_CHARS
from nkquotes._quotes_checks import (
    AFTER_QUOTE,
    AND_CLAUSE,
    BAD_START,
    CALLED_A,
    CLAUSE_ONLY,
    EMPHASIS,
    FINITE,
    NOT_SPEAKERS,
    PLACE_TAIL,
    PP_CLAUSE,
    TO_DO,
    WHATEVER,
    adjunct_cut,
    bare_object,
    not_content_at,
    object_phrase,
    opener_at,
    singular,
    speaker_head,
    subordinate_at,
)
from nkquotes._quotes_content import (
    comma_at,
    content_end,
    coord_back,
    count_words,
    first_comma,
    prev_word,
)
from nkquotes._quotes_draft import Draft, ParagraphQuotes, block_at, trim_content
from nkquotes._quotes_guards import by_after, pp_that_after, that_after
from nkquotes._quotes_lookback import cue_back
from nkquotes._quotes_mention import (
    LISTENER,
    aux_before,
    mention_after,
    mention_before,
    skip_listener,
    skip_modifiers,
)
from nkquotes._quotes_nouns import noun_owner
from nkquotes._quotes_orders import (
    ASIDES,
    according,
    in_blocks,
    inverted,
    make,
    parenthetical,
    sentence_subject,
)
from nkquotes._quotes_subject import subject_phrase
from nkquotes._sentences import wordset

__all__ = ["cue_budget", "find_speech"]

_NEGATORS = wordset("not never n't n’t didn't didn’t doesn't doesn’t don't don’t")
_PASSIVE = wordset("was were is are be been being")
_BLOCKERS = wordset("declined refused wanted want wants hope hoped")
#: Verbs that name what something is ("calling it a provocation"): a claim as participles.
_NAMING = wordset("call describe label brand")
#: Verbs whose "X for Y" states a charge: "condemned North Korea for increasing tensions".
_CHARGING = wordset("blame condemn criticize criticise denounce slam")
#: Words that attach a participle to the sentence subject: "began by saying", "while chanting".
_ING_LINKS = wordset("by while before after when and for from")
_LISTENING = wordset("tell inform assure reassure remind")
#: Unambiguous speech verbs: their subject may be any noun phrase with a determiner.
_CORE = wordset("say tell add ask answer reply respond write tweet explain argue insist warn claim")
#: Nouns of written statements: "a statement saying …" reports what it says.
_DOCUMENTS = wordset(
    "statement statements letter message report tweet post email release memo note"
    " communique declaration editorial commentary article op-ed video ad advertisement"
)
#: -ing forms that are rarely reporting verbs after a comma unless "that" follows.
_AMBIGUOUS_ING = wordset(
    "maintain report signal indicate highlight underline underscore estimate conclude"
    " observe agree recall reveal confirm mention post continue comment remark charge"
    " state note read express praise"
)
_QUOTE_SET = frozenset(QUOTE_CHARS)
_QUOTE_NEXT = _lazyregex.compile(r"[^\S\n]*+[,:]?[^\S\n]*+[\"“‘'«]")
_PROGRESSIVE = _lazyregex.compile(
    r"(?r)(?:\b(?:is|are|was|were|been|be)|(?<=\b(?:[Hh]e|[Ss]he|[Ii]t))[’']s)[^\S\n]+\Z"
)
#: An audience told something: "told a news conference they are …".
_AUDIENCE = _lazyregex.compile(
    r"[^\S\n]*+(?:(?:the|a|an|his|her|their|its)[^\S\n]+)?(?:[\w-]+[^\S\n]+)?"
    r"(?:conference|briefing|rally|crowd|audience|gathering|meeting|hearing|forum|summit|"
    r"convention|interviewer|newspaper|magazine|network|station|committee|panel)(?=[\s,.;:])"
)
#: Between a speaker just named and a participle cue: "[Mr Suga] said, [calling]".
_JUST_SAID = _lazyregex.compile(r"(?:[^\S\n]+[a-z]+){0,2}[^\S\n]*,[^\S\n]*")
_THAT_NEAR = _lazyregex.compile(r"\bthat\b")
_QUOTED_AS = _lazyregex.compile(
    r"(?r)(?P<passive>\b(?:was|were|is|are|been|being)[^\S\n]+)?\b(?:quoted|cited)\b"
    r"(?:[^\S\n]+by[^\S\n]+(?P<by>[^,.;\n]{1,80}?)|[^\S\n]+(?P<obj>[^,.;\n]{1,80}?))?"
    r"[^\S\n]+as[^\S\n]+\Z"
)
#: A completed act that introduces an infinitive cue: "prompted Biden to [warn]".
_INFINITIVE = _lazyregex.compile(
    r"(?r)\b(?:(?:prompt|forc|caus|spurr|push|press|lead)(?:ed|ing)|led"
    r"|(?P<on>(?:went|goes|go|going)[^\S\n]+on)"
    r"|(?:took|takes|taking)[^\S\n]+to[^\S\n]+(?:Twitter|Facebook|Instagram|the[^\S\n]+"
    r"(?:stage|podium|airwaves|floor))(?:[^\S\n]+\w+)?)"
    r"(?(on)|(?:[^\S\n]+(?P<obj>\p{Lu}[^,.;:\n]{0,60}?|(?:the|a|an|his|her|their|its)"
    r"[^\S\n]+[^,.;:\n]{1,60}?|him|her|them))?)[^\S\n]+to[^\S\n]+\Z"
)


def find_speech(
    text: str,
    paragraphs: list[ParagraphQuotes],
    sentences: list[list[tuple[int, int]]],
    cues: CueIndex,
    used_cues: list[tuple[int, int]],
    direct: list[Draft],
    exhausted: list[int] | None = None,
) -> list[Draft]:
    """Indirect and mixed quotes of every sentence not already taken by a direct quote.

    The indices of paragraphs whose cues were too many to read all go into *exhausted*.
    """
    drafts: list[Draft] = []
    used = set(used_cues)
    used_starts = {s for s, _ in used_cues}
    # speakers of direct quotes, by cue position: '"…," X said in a statement, adding that …'
    direct_mentions = sorted(
        (d.attribution.cue_start, d.attribution.mention)
        for d in direct
        if d.attribution is not None and d.attribution.mention is not None
    )
    starts = [c for c, _ in direct_mentions]
    for pq, sents in zip(paragraphs, sentences, strict=False):
        if not sents or cues.first(sents[0][0], max([e for _, e in sents])) is None:
            continue  # no cue in any sentence of the paragraph (half of them)
        # news paragraphs hold a handful of cues; thousands are hostile text, read in part
        budget = cue_budget(pq.start, pq.end)
        blocks, block_starts = pq.blocks, pq.starts
        for s_start, s_end in sents:
            if budget < 0:
                break
            taken: list[tuple[int, int]] = []
            subject: tuple[int, int] | None = None
            recent: tuple[int, int] | None = None  # the mention of the sentence's last draft
            k = bisect.bisect_left(starts, s_start)
            if k < len(starts) and starts[k] < s_end:
                subject = direct_mentions[k][1]
            for m in cues.between(s_start, s_end):
                if m.start in used_starts:
                    continue
                if blocks:  # block_at(pq, m.start) >= 0, inlined
                    b = bisect.bisect_right(block_starts, m.start) - 1
                    if b >= 0 and m.start < blocks[b].end:
                        continue
                budget -= 1
                if budget < 0:
                    break
                entry = m.entry
                # (the generator only when something was taken: the first cue needs none)
                if taken and not entry.ing and any(a <= m.start < b for a, b in taken[-4:]):
                    continue
                draft = _analyse(
                    text, pq, s_start, s_end, m.start, m.end, entry, cues, subject, recent
                )
                if draft is None:
                    continue
                if draft.attribution is not None and draft.attribution.mention is not None:
                    subject = subject or draft.attribution.mention
                    recent = draft.attribution.mention
                drafts.append(draft)
                for seg in draft.segments:
                    taken.append(seg)
                used.add((m.start, m.end))
        if budget < 0 and exhausted is not None:
            exhausted.append(pq.index)
    return drafts


def cue_budget(start: int, end: int) -> int:
    """How many cues (or quotations) a paragraph ``[start, end)`` is read for at most.

    News paragraphs hold under ten; the bound keeps hostile text (``said said said …``)
    linear with a small constant.
    """
    return 100 + (end - start) // 2000


#: How far content may reach from its cue (characters).
_REACH = 1200


def _analyse(
    text: str,
    pq: ParagraphQuotes,
    s_start: int,
    s_end: int,
    cs: int,
    ce: int,
    entry: CueEntry,
    cues: CueIndex,
    subject: tuple[int, int] | None,
    recent: tuple[int, int] | None = None,
) -> Draft | None:
    # Every look-around stays within a bounded window of the cue: linear on hostile text.
    s_start = max(s_start, cs - _REACH)
    s_end = min(s_end, ce + _REACH)
    flags = entry.flags
    # the word before the cue, the auxiliaries and adverbs before it, a comma ending there
    prev, aux_mend, aux_cue, comma = cue_back(text, s_start, cs)
    if prev in _NEGATORS or prev in _BLOCKERS:
        return None
    infinitive = None
    if prev == "to" and entry.base:
        # "wants to say", "is expected to announce": nothing said yet; but "prompted Biden to
        # warn", "went on to say", "took to Twitter to accuse" report the saying
        infinitive = _INFINITIVE.match(text, max(s_start, cs - 100), cs)
        if infinitive is None:
            return None
    if "after" in flags:
        return according(text, pq, cues, s_start, s_end, cs, ce, entry)
    mention: tuple[int, int] | None = None
    cue_start = cs
    content_start: int | None = None
    owner = noun_owner(text, s_start, cs, ce, s_end) if "noun" in flags else None
    if owner is None and "noun" in flags and "that" not in flags:
        return None  # a reporting noun without an owner: "the claim that …"
    by = by_after(text, ce, s_end)
    if prev in _PASSIVE and not entry.ing and by is None and owner is None:
        return None
    form = text[cs:ce]
    participle = not entry.base and not form.endswith("s")
    if owner is not None:
        mention = owner  # "Trump's claim that …"
    elif by is not None and not entry.ing and participle:
        mention = mention_after(text, by.end(), s_end)
        if mention is None:
            return None
        content_start = mention[1]
    elif infinitive is not None:
        obj = infinitive.group("obj")
        if obj:
            mention = mention_after(
                text, infinitive.start("obj"), infinitive.end("obj"), loose=True
            )
        else:
            mention = subject or sentence_subject(text, s_start, infinitive.start())
        if mention is None:
            return None
    elif entry.ing and prev == "as":
        q = _QUOTED_AS.match(text, max(s_start, cs - 120), cs)
        if q is None:
            return None
        cue_start = q.start()
        if q.group("obj") and not q.group("passive"):
            # "Yonhap quoted the officials as saying": the officials speak
            mention = mention_after(text, q.start("obj"), q.end("obj"), loose=True)
        else:
            mend, _ = aux_before(text, s_start, cue_start)
            mention = mention_before(text, s_start, mend)
            if mention is None and q.group("by"):
                mention = mention_after(text, q.start("by"), q.end("by"))
        if mention is None:
            return None
        content_start = ce
        rest = text[skip_modifiers(text, ce, s_end) : s_end]
        comma = text.rfind(",", s_start, q.start())
        if not rest.strip(' .!?"”’') and comma > s_start and "." not in text[comma : q.start()]:
            # "CONTENT, KCNA quoted a spokesperson as saying on Thursday."
            return inverted(text, pq, s_start, comma + 1, ce, entry, mention, cue_start)
    else:
        mend, cue_start = aux_mend, aux_cue
        if entry.ing and (
            (comma if mend == cs else comma_at(text, s_start, mend)) >= 0 or prev in _ING_LINKS
        ):
            if entry.lemma in _AMBIGUOUS_ING and that_after(text, ce, s_end) is None:
                return None
            if recent is not None and _JUST_SAID.fullmatch(text, recent[1], cs) is not None:
                mention = recent  # "A, Mr Suga said, calling it …": the speaker just named
            else:
                mention = subject or sentence_subject(text, s_start, mend)
            if mention is None:
                return None
            cue_start = cs
        else:
            loose = entry.lemma in _CORE
            if comma >= 0:
                after_m = mention_after(text, ce, s_end, loose=loose)
                if after_m is not None and not speaker_head(text, after_m):
                    after_m = None  # ", said the videos show nothing": a clause, not a speaker
                rest = text[after_m[1] : s_end] if after_m is not None else ""
                if after_m is not None and (
                    not rest.strip(' .,;:!?"”’')
                    or rest.lstrip()[:1] == ","
                    or PLACE_TAIL.fullmatch(rest) is not None
                ):
                    # "CONTENT, said X."
                    return inverted(text, pq, s_start, cs, ce, entry, after_m, cs)
            if entry.ing:
                prog = _PROGRESSIVE.match(text, max(s_start, mend - 12), mend)
                if prog is not None:
                    mend = cue_start = prog.start()
            mention = mention_before(text, s_start, mend, loose=loose)
            if mention is not None and text[mention[1] - 4 : mention[1]] in (" and", " but"):
                mention = None  # "called it a threat and said": a coordinated verb
            if mention is None:
                co = coord_back(text, max(s_start, mend - 40), mend)
                if co is not None and TO_DO.search(text, max(s_start, co.start() - 60), co.start()):
                    return None  # "needs to sell herself and tell more jokes": not said yet
                if co is not None:
                    # "A said …, while B called it … and said …": the nearest clause's subject
                    mention = recent or subject or sentence_subject(text, s_start, co.start())
            if mention is None and not entry.ing and "that" in flags:
                mention = subject_phrase(text, s_start, mend)
            if mention is None:
                return None
            if (
                entry.ing
                and cue_start == cs
                and prev_word(text, s_start, mention[0]) != "with"
                and _QUOTE_NEXT.match(text, ce, s_end) is None
            ):
                head = text[mention[0] : mention[1]].rsplit(None, 1)[-1].lower()
                if head not in _DOCUMENTS or (
                    entry.lemma not in _CORE and entry.lemma not in _NAMING
                ):
                    return None  # "the J-Alert warning system": a noun, not "with X telling"
                # "His office put out a statement saying …": the sentence subject speaks
                mention = subject or sentence_subject(text, s_start, mention[0]) or mention
    if mention is not None and text[mention[0] : mention[1]].lower() in NOT_SPEAKERS:
        return None  # "Now tell us …", "Having said that, …": no speaker before the cue
    opener = None if mention is None else opener_at(text, *mention)
    if opener is not None and mention is not None:
        # "Despite Lazar's claim that A, B": Lazar speaks, A is the content
        rest = opener.group("rest")
        mention = opener.span("rest") if rest else None
    if content_start is None:
        content_start = ce
    # ---- "A, X said, B." / "A, X said.": the speaker is inside commas
    if (
        mention is not None
        and mention[0] > s_start
        and comma_at(text, s_start, mention[0]) >= 0
        and not (entry.ing and "," in text[max(s_start, cs - 3) : cs])
    ):
        after = skip_modifiers(text, content_start, s_end)
        if "obj" in flags and entry.lemma in _LISTENING:
            after = skip_modifiers(text, skip_listener(text, after, s_end), s_end)
        rest = text[after:s_end].lstrip()
        first = rest.split(" ", 1)[0]
        if not rest.strip(' .!?"”’') or rest[:1] in ",;—–" or first in ASIDES:
            return parenthetical(
                text, pq, cues, s_start, s_end, after, entry, mention, cue_start, ce
            )
    # ---- content after the cue
    p = skip_modifiers(text, content_start, s_end)
    told_that = False  # "told the Times that …": the listener's "that" was taken
    if "obj" in flags and entry.lemma in _LISTENING:
        lm = LISTENER.match(text, p, s_end) or _AUDIENCE.match(text, p, s_end)
        after_listener = skip_modifiers(text, lm.end(), s_end) if lm is not None else p
        listener_that = that_after(text, after_listener, s_end) if lm else None
        t = _THAT_NEAR.search(text, p, min(s_end, p + 80))
        gap = text[p : t.start()] if t else ""
        if listener_that is not None:
            p = listener_that.end()  # "told the Times on Friday that …"
            told_that = True
        elif (
            t is not None
            and "," not in gap.strip(" ,")
            and len(gap.split()) <= 12
            and not (
                lm is not None
                and text[after_listener : after_listener + 3].lstrip()[:1] not in QUOTE_CHARS
                and not _QUOTE_SET.isdisjoint(gap)
            )
        ):
            p = t.end()
            told_that = True
        elif lm is not None:
            p = after_listener  # "told a news conference they are “planting …”"
    th = that_after(text, p, s_end)
    if th is None and "that" in flags:
        th = pp_that_after(text, p, s_end)
    claim = th is not None or (entry.lemma in _NAMING and entry.ing and comma >= 0)
    if th is not None:
        p = th.end()
    else:
        while p < s_end and text[p] in " ,:\t":
            p += 1
    end = content_end(text, cues, p, s_end, pq)
    k = block_at(pq, p) if pq.blocks else -1
    if k >= 0 and pq.blocks[k].start == p and pq.blocks[k].closed:
        # '“That makes me smart,” when Clinton blasted him': the quotation is the content
        tail = AFTER_QUOTE.match(text, pq.blocks[k].end, end)
        if tail is not None:
            end = pq.blocks[k].end
    if opener is not None or (mention is not None and subordinate_at(text, s_start, mention[0])):
        # "While Ramos said that …, he appears …": the content ends with the clause
        end = first_comma(text, pq, p, end)
    if (
        mention is not None
        and entry.lemma in _CORE
        and prev_word(text, s_start, mention[0]).lower() == "what"
    ):
        # "what Trump says his plan would do, and what …": a free relative ends there
        conj = AND_CLAUSE.search(text, p, end)
        if conj is not None:
            end = conj.start()
    c_start, c_end = trim_content(text, p, end)
    first = text[c_start : min(c_end, c_start + 20)].split(" ", 1)[0]
    if (
        th is None
        and mention is not None
        and first in FINITE
        and (
            prev_word(text, s_start, mention[0]).lower() in WHATEVER
            or text[mention[0] : mention[1]].split(None, 1)[0].lower() in WHATEVER
        )
    ):
        return None  # "Everything Trump says is a lie": what is said is a subject, not content
    if th is None and not told_that and not_content_at(text, c_start, c_end) is not None:
        return None  # "says something about the times": no words reported
    if first == "as" and entry.lemma in _NAMING:
        # 'what the leaders describe as “a comprehensive exchange”': the name is the content
        c_start, c_end = trim_content(text, c_start + 2, c_end)
        first = ""
    if (
        th is None
        and not told_that
        and first in BAD_START
        and first not in flags
        and not (first == "if" and "whether" in flags)
    ):
        pp = PP_CLAUSE.match(text, c_start, c_end)
        if pp is None:
            return None  # "said in August", "told of RT": no reported content follows
        c_start = pp.end()  # "said after the convention he would not accept …"
    if entry.form_s and not singular(text, mention):
        return None  # "the states said", "his demands …": a plural subject or a noun
    if (
        th is None
        and not told_that
        and entry.lemma in EMPHASIS
        and object_phrase(text, c_start, c_end)
        and not in_blocks(pq, c_start, c_end)
    ):
        return None  # "reiterated Washington's desire to …": an object, nothing said
    if (
        th is None
        and not told_that
        and entry.lemma in CLAUSE_ONLY
        and not entry.ing
        and "that" not in text[c_start:c_end].split()[:6]
    ):
        return None  # "maintains a program", "signaled willingness": an object, not a claim
    quoted = bool(pq.blocks) and bool(in_blocks(pq, c_start, c_end))
    if th is None and not told_that and bare_object(text, c_start, c_end, entry.lemma, quoted):
        return None  # "wrote letters for them", "appealed the case": a thing, not words
    if count_words(text, c_start, c_end) >= 2 or (
        c_end > c_start and entry.lemma in ("call for",) and count_words(text, c_start, c_end) >= 1
    ):
        body = text[c_start:c_end]
        claim = claim or " as " in body or (" for " in body and entry.lemma in _CHARGING)
        if entry.lemma == "call" and not entry.ing and CALLED_A.match(body) is not None:
            claim = True  # "called it a common ailment": a name given, a claim made
        if th is None and not told_that:
            c_end = adjunct_cut(
                text, c_start, c_end, entry.lemma, lambda pos: block_at(pq, pos) >= 0
            )
        return make(text, pq, [(c_start, c_end)], entry, cue_start, ce, mention, cs, claim=claim)
    return None

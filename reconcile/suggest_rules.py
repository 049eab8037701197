"""What add-source looks for in a sentence, one function per property type: the value nearest
the words that signal the property, for each subject the sentence names."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from reconcile.extract import Found, Sentence, year_cued
from reconcile.extract_names import SUCCEEDING, find_entity, left_out_of, names_joined
from reconcile.extract_verbs import reached_by
from reconcile.extract_words import find_choices
from reconcile.model import Claim, Property
from reconcile.normalise import normalise
from reconcile.precedent import Known
from reconcile.suggest_bounds import bound_as_value
from reconcile.suggest_dates import until_last, year_before
from reconcile.suggest_lists import apart_from_their_value, clause_distance, paired
from reconcile.suggest_subjects import subjects_of
from reconcile.values import RULES, PropertyType
from reconcile.values.choice import most_claimed, other_choice
from reconcile.wordforms import Token, is_digits, tokens

if TYPE_CHECKING:
    from reconcile.name_mentions import NameIndex
    from reconcile.suggest import Suggestion

__all__ = ["Look", "candidates"]


@dataclass(frozen=True)
class Look:
    """What a rule reads a sentence with: the sentence, the values found in it once for every
    property, where the property's words stand, and what other sources claim of it."""

    sentence: Sentence
    text: str
    dates: Sequence[Found]
    numbers: Sequence[Found]
    near: Sequence[int]
    known: Known
    quote: Claim | None  # the most similar quote of another source, if any
    names: Callable[[str], NameIndex]  # the names of the entities of a kind
    own: Sequence[int] = ()  # the words and label entities no other property of its type has
    rivals: Sequence[int] = ()  # the words of other properties of its type, not its own
    named: Sequence[int] = ()  # where the entities its label names stand
    stops: Sequence[int] = ()  # stop_counts of the sentence's tokens
    # per rival property named: where its words that this one lacks stand, and this one's
    # that it lacks
    rivalry: Sequence[tuple[Sequence[int], Sequence[int]]] = ()
    published: str | None = None  # the article's day (EDTF), if known
    # the entities of the subject's kind each sentence of the paragraph before it named
    earlier: Sequence[tuple[str, ...]] = ()
    labelled: frozenset[str] = frozenset()  # the subjects its label names
    subject: Found | None = None  # the subject a per-entity property is read for
    ordinals: Sequence[Found] = ()  # ordinals in words, as their numbers
    # the entities of the subject's kind whose names give a day, by that day (EDTF)
    dated: Mapping[str, frozenset[str]] = field(default_factory=dict)


def candidates(prop: Property, look: Look, line: int, why: tuple[str, ...]) -> list[Suggestion]:
    """The suggestions of `prop` the sentence supports, one per subject it names: none when it
    holds no value of the property's type (a date property needs a date, a list two entities of
    its kind, a per-entity property an entity of its subject's kind)."""
    from reconcile.suggest import Suggestion

    subjects: list[Found | None] = [None]
    carried: tuple[str, ...] = ()
    if prop.subject:
        named = find_entity(
            look.sentence.tokens, look.names(prop.subject), look.sentence.capitalised
        )
        subjects, carried = subjects_of(prop, look, named)
        if not subjects:
            return _owned(prop, look, line, why, [])
    rule = RULES[prop.type]  # what the property's type looks for in a sentence
    found: list[Suggestion] = []
    if prop.subject and look.rivals:
        # the subjects a per-entity property names are its own words: "394 deaths in Al
        # Haouz, by the morning's toll" are the province's, not the toll's
        places = tuple(at for s in subjects if s is not None for at in range(s.start, s.end))
        rivalry = tuple((tuple(sorted({*mine, *places})), theirs) for mine, theirs in look.rivalry)
        look = replace(look, own=tuple(sorted({*look.own, *places})), rivalry=rivalry)
    if look.rivals and prop.type is PropertyType.NUMBER:
        look = replace(look, numbers=attached(look.numbers, look))
    elif look.rivals and prop.type is PropertyType.DATE:
        look = replace(look, dates=attached(look.dates, look))
    if prop.type is PropertyType.DATE:
        years = look.known.years
        look = replace(look, dates=[year_before(d, look.published, years) for d in look.dates])
    pairs = _enumerated(prop, look, subjects)
    left_out: set[str] = set()
    succeeded: set[str] = set()
    if prop.subject and prop.type is PropertyType.CHOICE:
        spans = [(str(f.value), f.start, f.end) for f in named]
        left_out = left_out_of(look.sentence.tokens, spans)
        succeeded = left_out_of(look.sentence.tokens, spans, SUCCEEDING)
    read_at: list[tuple[Found, Found]] = []  # each named subject and the value it got
    for subject in subjects:
        near = look.near if subject is None else _subject_near(prop, look, subject)
        options = rule.find(
            prop, look if subject is None else replace(look, near=near, subject=subject)
        )
        if prop.type in (PropertyType.NUMBER, PropertyType.DATE) and len(options) > 1:
            # a subject's figure is the one nearest both it and the property's words, and of
            # two as near, the one at the property's words ("İnce, who withdrew four days
            # before the vote, had 0.4 percent")
            spots = (near, look.named) if subject is None else (near, look.named, look.near)
            cue = () if subject is None else look.near
            options = _by_clause(look.stops, options, spots, look.known, cue)
        options = [o for o in options if subject is None or o.value != subject.value]
        if pairs and subject is not None:
            options = _own_first(options, pairs, subject, prop.type is not PropertyType.CHOICE)
        if subject is not None and subject.value in left_out:
            options = _left_out_choice(prop, look, subject, options)
        elif subject is not None and subject.value in succeeded and options:
            # "the minister Sherif Fathy, succeeding Ahmed Eissa": not in the state of the one
            # named who succeeds, unless the word of succeeding is itself a choice's
            successors = [s for s in subjects if s is not None and s.value not in succeeded]
            if successors and options[0].end != subject.start:
                options = _left_out_choice(prop, look, subject, options)
        if not options:
            continue
        if prop.type is PropertyType.DATE:
            options = until_last(prop, look.sentence.tokens, options)
        if prop.type is PropertyType.NUMBER:
            options = _lone_one_last(look, options, subject is None)
            reached = _reached_first(look, options) if subject is None else options
            options = _in_order(prop, look, reached)
        best = bound_as_value(prop, options[0])
        if subject is not None:
            read_at.append((subject, best))
        also = tuple(dict.fromkeys(str(o.value) for o in options[1:4] if o.value != best.value))
        values = [best]
        if subject is None and prop.type is PropertyType.NUMBER:
            values += [bound_as_value(prop, o) for o in _several(look, best, options[1:])]
        elif subject is None and prop.type is PropertyType.DATE and prop.temporal:
            values += _moved_dates(look, best, options[1:])
        owners: list[str | None] = [*carried] or [None]
        if subject is not None:
            owners = [str(subject.value)]
        found.extend(
            Suggestion(
                prop,
                look.text,
                line,
                0.0,
                value.value,
                owner,
                _as_of(prop, look, value) if prop.temporal else None,
                value.approximate,
                value.complete,
                why,
                also,
            )
            for value in values
            for owner in owners
        )
    if not pairs and prop.type in _ENUMERATED:
        apart = set(apart_from_their_value(look, read_at))
        found = [s for s in found if s.subject not in apart]
    return _owned(prop, look, line, why, found) if prop.subject else found


def _owned(
    prop: Property, look: Look, line: int, why: tuple[str, ...], found: list[Suggestion]
) -> list[Suggestion]:
    """A per-entity property of entities whose values other sources gave one subject each:
    each value the sentence names goes to its subject ("by Anthony Albanese, Joe Biden and
    Rishi Sunak" are each country's leader, as the project knows them), and a subject that so
    gets its own value takes no other's ("Australia's Richard Marles, Britain's Grant Shapps").
    A value other sources gave another subject may still be this one's: a post changes hands."""
    from reconcile.suggest import Suggestion

    owners = look.known.owners
    if prop.type is not PropertyType.ENTITY or not owners:
        return found
    owned = []
    for value in find_entity(
        look.sentence.tokens, look.names(prop.kind or ""), look.sentence.capitalised
    ):
        subjects = owners.get(str(value.value), frozenset())
        if len(subjects) == 1:
            as_of = _as_of(prop, look, value) if prop.temporal else None
            owner = next(iter(subjects))
            owned.append(Suggestion(prop, look.text, line, 0.0, value.value, owner, as_of, why=why))
    taken = {s.subject for s in owned}
    return [
        *(s for s in found if s.subject not in taken or s.subject in owners.get(str(s.value), ())),
        *owned,
    ]


def _left_out_choice(
    prop: Property, look: Look, subject: Found, options: list[Found]
) -> list[Found]:
    """The choice of a subject named after "except", "all but", "باستثناء", "кроме": another
    than the one the sentence gives the rest ("all but Georgia remained members": Georgia
    is not a member), or, when it writes no word of a choice, than the one other sources
    claim most ("all but Azerbaijan, Georgia and Uzbekistan renewed the treaty")."""
    words = dict(prop.choice_words)
    worded = find_choices(look.sentence, [(c, words.get(c, ())) for c in prop.choices])
    counts = look.known.choices
    rest = str(options[0].value) if worded and options else most_claimed(prop.choices, counts)
    other = other_choice(prop, counts, rest) if rest is not None else None
    if other is None:
        return options
    return [Found(other, subject.start, subject.end)]


#: How far (in tokens, counting clause breaks) from a word of the property a second value of
#: it stands, and how many more values of one property a sentence is read for.
CUE_REACH = 3
MORE_VALUES = 2


def _several(look: Look, best: Found, others: Sequence[Found]) -> list[Found]:
    """The other values of the property the sentence writes beside `best`, as when two
    agencies give two magnitudes or a toll rises twice in one sentence ("put it at 6.8, while
    the institute gave 7"; "296 deaths, then 632, then 820 deaths"): values of its order of
    magnitude (a third to three times `best`), each written at a word of the property or in a
    chain of values that ends at one."""
    size = _size(best)
    cues = [*look.near, *look.own]
    if size is None or not cues:
        return []
    alike = [o for o in others if (s := _size(o)) is not None and size / 3 <= s <= size * 3]
    if not alike:
        return []
    chain = _chained(look, [best, *others])
    kept = [
        other
        for other in alike
        if other.start in chain
        or min(clause_distance(look.stops, other, at) for at in cues) <= CUE_REACH
    ]
    return sorted(kept, key=lambda o: o.start)[:MORE_VALUES]


def _size(found: Found) -> float | None:
    value = found.value
    bounds = list(value.values()) if isinstance(value, dict) else [value]
    numbers = [abs(float(b)) for b in bounds if isinstance(b, (int, float)) and b]
    return max(numbers) if numbers else None


#: Words that chain values of one fact in a sentence: "rose to 632, then to 820", "ثم إلى".
_THEN = frozenset(normalise(w) for w in ("then", "ثم", "затем", "потом", "после чего"))
#: At most this many words stand between two chained values ("затем о 632", "ثم إلى 820").
_CHAIN_REACH = 3


def _chained(look: Look, values: Sequence[Found]) -> set[int]:
    """Where the values start that a "then", "ثم", "затем" joins to the value before them."""
    found = look.sentence.tokens
    ordered = sorted(values, key=lambda v: v.start)
    chained: set[int] = set()
    for first, second in pairwise(ordered):
        between = [t.text for t in found[first.end : second.start]]
        if 0 < len(between) <= _CHAIN_REACH and not _THEN.isdisjoint(between):
            chained.update((first.start, second.start))
    return chained


#: Words that open and close a change of one date: "moved from 29 March to 12 April",
#: "أُرجئ من 29 مارس إلى 12 أبريل", "перенесли с 29 марта на 12 апреля".
_FROM = frozenset(normalise(w) for w in ("from", "من", "с", "со"))
_TO = frozenset(normalise(w) for w in ("to", "إلى", "الى", "на", "до"))
#: At most this many words stand between the two dates of such a change ("from March 29, the
#: end of the two-year negotiating period, to April 12").
_MOVE_REACH = 10
#: At most this many more dates are suggested from such a sentence.
_MOVES = 3


def _moved_dates(look: Look, best: Found, others: Sequence[Found]) -> list[Found]:
    """The other dates of a property that changes over time, where the sentence moves it from
    one to the next ("from 29 March to 12 April, then to 31 October")."""
    found = look.sentence.tokens
    ordered = sorted([best, *others], key=lambda d: d.start)
    linked = _chained(look, ordered)
    for first, second in pairwise(ordered):
        between = [t.text for t in found[first.end : second.start]]
        opened = first.start > 0 and found[first.start - 1].text in _FROM
        if opened and 0 < len(between) <= _MOVE_REACH and between[-1] in _TO:
            linked.update((first.start, second.start))
    return [d for d in ordered if d.start in linked and d.value != best.value][:_MOVES]


def _enumerated(prop: Property, look: Look, subjects: Sequence[Found | None]) -> dict[int, Found]:
    """For a per-entity number, date, choice or entity whose sentence names several subjects
    and several values, each subject's own value, by where the subject starts (see `paired`):
    "القوات المسلحة بقيادة البرهان والدعم السريع بقيادة حميدتي"."""
    named = [s for s in subjects if s is not None]
    if len(named) < 2 or prop.type not in _ENUMERATED:
        return {}
    if prop.type is PropertyType.CHOICE:
        return _choices_paired(prop, look, named)
    if prop.type is PropertyType.ENTITY:
        entities = find_entity(
            look.sentence.tokens, look.names(prop.kind or ""), look.sentence.capitalised
        )
        return paired(named, entities, look.stops) if len(entities) >= 2 else {}
    values = look.numbers if prop.type is PropertyType.NUMBER else look.dates
    words = look.sentence.words()
    # "the six-party Nation Alliance": a number joined to a word qualifies a name, and "one of
    # the Framework's pillars" names a member: neither is a figure of the enumeration
    found = look.sentence.tokens
    values = [
        v
        for v in values
        if not _JOINED.search(words[found[v.end - 1].word]) and not one_of(found, v)
    ]
    if len(values) < 2:
        return {}
    return paired(named, values, look.stops, tokens=found)


def _choices_paired(prop: Property, look: Look, named: Sequence[Found]) -> dict[int, Found]:
    """Each list of subjects takes the choice written with it, not the one nearest each of its
    names: "انسحبت ثلاث دول، هي روسيا وأرمينيا وبيلاروسيا، في حين علقت جورجيا عضويتها" (the
    three withdrew), "Russia, Armenia and Belarus withdrew, while Georgia suspended"."""
    words = dict(prop.choice_words)
    choices = find_choices(look.sentence, [(c, words.get(c, ())) for c in prop.choices])
    if len(choices) < 2:
        return {}
    found = look.sentence.tokens
    return paired(named, choices, look.stops, lambda end, start: names_joined(found, end, start))


_JOINED = re.compile(r"\w-[^\W\d_]")
_ENUMERATED = frozenset(
    {PropertyType.NUMBER, PropertyType.DATE, PropertyType.CHOICE, PropertyType.ENTITY}
)


def _own_first(
    options: list[Found], pairs: dict[int, Found], subject: Found, figures: bool = True
) -> list[Found]:
    """The subject's own value of an enumeration first; for a subject that got none, the
    values no other subject got: a figure or date of another subject is not its own ("18
    deaths in Marrakech, while none were recorded in Ouarzazate and Azilal" gives Ouarzazate
    none), a choice is last (the choice written once for three subjects is theirs)."""
    own = pairs.get(subject.start)
    if own is not None:
        mine = [o for o in options if o.start == own.start]
        return [*mine, *(o for o in options if o.start != own.start)]
    others = {v.start for v in pairs.values()}
    if not figures:
        return sorted(options, key=lambda o: o.start in others)
    return [o for o in options if o.start not in others]


def _subject_near(prop: Property, look: Look, subject: Found) -> list[int]:
    """Where a per-entity property is read for one subject: at the subject; for a boolean at
    the property's words in the subject's clause, which a negation bears on ("in the years
    of suspension Russia stayed within the limits" is true); for a text at all of them, as
    the text rule reads a subject's text from where they stand."""
    if prop.type is PropertyType.BOOLEAN and look.stops:
        stops = look.stops
        same = [at for at in look.near if stops[at] == stops[subject.start]]
        if same:
            return same
    if prop.type is PropertyType.TEXT:
        return list(look.near)
    return [subject.start]


#: The words of "one of" (the first of Arabic's "أحد", "إحدى" says "of" itself): the one
#: names a member of a group, it counts nothing.
_ONE_OF = frozenset(normalise(w) for w in ("أحد", "إحدى"))
_OF = frozenset(normalise(w) for w in ("of", "من", "из"))


def _lone_one_last(look: Look, options: list[Found], every: bool = True) -> list[Found]:
    """A "one" written as a word after the other figures of the sentence: mostly it counts no
    fact but stands for "a" ("merged into one list", "ещё одно ограничение"). For a
    subject's figure (not `every`), only a "one of" (see `one_of`): "وفاة واحدة في الصويرة"
    is the province's one death."""
    found = look.sentence.tokens

    def spelled_one(option: Found) -> bool:
        return option.value == 1 and not any(
            is_digits(t.text) for t in found[option.start : option.end]
        )

    return sorted(options, key=lambda o: spelled_one(o) and (every or one_of(found, o)))


def one_of(found: Sequence[Token], option: Found) -> bool:
    """Whether the figure is the "one" of "one of", which names a member of a group and counts
    nothing: "أحد أبرز أركان الإطار", "one of its founders", "один из лидеров"."""
    after = found[option.end].text if option.end < len(found) else ""
    return option.value == 1 and (found[option.start].text in _ONE_OF or after in _OF)


def _reached_first(look: Look, options: list[Found]) -> list[Found]:
    """The figure a verb of change or of reaching gives the property's words first: what they
    amount to now ("the list had shrunk to 66", "the toll stood at 89, past the 85 deaths of
    2018", "ارتفعت الحصيلة إلى 93", "число погибших выросло до 93"), not where they started
    or what they are compared with."""
    return sorted(options, key=lambda o: not _reached(look, o))


def _reached(look: Look, option: Found) -> bool:
    """Whether a verb of change or of reaching gives the figure to the property's words: one
    of them stands before it, in its phrase."""
    found, stops = look.sentence.tokens, look.stops
    return reached_by(found, option.start) is not None and any(
        at < option.start and stops[at] == stops[option.start] for at in (*look.near, *look.own)
    )


#: Ordinal words a label may rank its fact by ("the second earthquake"), by the start of
#: their folded forms: the nth of "7.7 and 7.6" is its value when the sentence ranks nothing.
ORDINALS = {
    normalise(word): rank
    for rank, words in enumerate(
        (("first", "الاول", "перв"), ("second", "الثاني", "втор"), ("third", "الثالث", "трет")),
        start=1,
    )
    for word in words
}
_AND = frozenset({"and", "و", "и"})


@lru_cache(maxsize=1024)
def rank_of(prop: Property) -> int | None:
    """The rank an ordinal word of the property's label gives it (second: 2), if one does."""
    for text in prop.label.all():
        for token in tokens(normalise(text)):
            for word, rank in ORDINALS.items():
                if token.text.startswith(word):
                    return rank
    return None


def _in_order(prop: Property, look: Look, options: list[Found]) -> list[Found]:
    """The nth of a pair or list of numbers joined by "and" first, for a property its label
    ranks nth, when the sentence writes no ordinal word itself ("magnitudes 7.7 and 7.6")."""
    rank = rank_of(prop)
    found = look.sentence.tokens
    if rank is None or any(t.text.startswith(tuple(ORDINALS)) for t in found):
        return options
    ordered = sorted(options, key=lambda o: o.start)
    run = [ordered[0]] if ordered else []
    for option in ordered[1:]:
        between = [t.text for t in found[run[-1].end : option.start]]
        if len(between) <= 1 and all(w in _AND for w in between):
            run.append(option)
        elif options[0] in run:
            break
        else:
            run = [option]
    if options[0] not in run or len(run) < max(2, rank):
        return options
    chosen = run[rank - 1]
    return [chosen, *(o for o in options if o is not chosen)]


def _as_of(prop: Property, look: Look, value: Found) -> str | None:
    """When a temporal claim held, where the sentence says: the date nearest its value that is
    not the value itself, given to the month, or a year written as one (in 2012, عام 2012)."""
    if prop.type is PropertyType.DATE:
        return None
    found = look.sentence.tokens
    others = [
        d
        for d in look.dates
        if (len(str(d.value)) >= 7 or year_cued(found, d.start) or _in_words(found, d))
        and (d.start, d.end) != (value.start, value.end)
        and not (prop.type is PropertyType.NUMBER and _since(found, d))
    ]
    if not others:
        return None
    return str(min(others, key=lambda d: d.distance([value.start])).value)


#: "Since", before a date: a figure "the lowest since 2001" is compared with that year, it
#: did not hold then ("أدنى نسبة منذ عام 2001", "самая низкая с 2001 года").
_SINCE = frozenset(normalise(w) for w in ("since", "منذ"))


def _since(found: Sequence[Token], date: Found) -> bool:
    """Whether "since" opens the date: "since 2001", "منذ عام 2001", "с 2001 года" (a Russian
    с before a year only: "с 1 января" is a day's start)."""
    before = [t.text for t in found[max(0, date.start - 2) : date.start]]
    year_only = len(str(date.value)) == 4
    return bool(_SINCE & set(before)) or (year_only and before[-1:] in (["с"], ["со"]))


def _in_words(found: Sequence[Token], date: Found) -> bool:
    """Whether a year is written in words rather than as a bare number that could be a
    count: a date by reference ("five years later", "بعد خمس سنوات", "через пять лет")."""
    return not any(t.text.isdigit() for t in found[date.start : date.end])


def attached(values: Sequence[Found], look: Look) -> list[Found]:
    """The values that belong to the property rather than to another of its type: a value is
    another's when, for some other property, it stands nearer that one's words than this
    one's, the words of each that the other lacks ("more than 2,900 killed and more than
    15,000 injured": 15,000 is the injured); when the sentence holds no word only this
    property has, each word of another property claims the value nearest it ("the toll rose
    to 8,574 and 49,133 people were injured"). A figure a verb of change or of reaching gives
    the property's words stays its own ("the number killed in the Maui fires rose to 93",
    though Maui is in another property's label). All of them when every one is claimed."""
    if not look.rivals or len(values) < 2:
        return list(values)
    stops = look.stops

    def gap(value: Found, places: Sequence[int]) -> int:
        return min(clause_distance(stops, value, at) for at in places)

    if look.own:
        kept = [
            v
            for v in values
            if all(not mine or gap(v, mine) <= gap(v, theirs) for mine, theirs in look.rivalry)
            or _reached(look, v)
        ]
    else:
        claimed = {min(values, key=lambda v: gap(v, [rival])).start for rival in look.rivals}
        kept = [v for v in values if v.start not in claimed or _reached(look, v)]
    return kept or list(values)


def _by_clause(
    stops: Sequence[int],
    options: Sequence[Found],
    near: tuple[Sequence[int], ...],
    known: Known,
    ties: Sequence[int] = (),
) -> list[Found]:
    """The values nearest both the property's words and the entities its label names,
    counting clause breaks; one close to what other sources give comes first among those as
    near."""

    def closeness(option: Found) -> float:
        value = option.value
        if isinstance(value, str):
            return float(value[:4].isdigit() and int(value[:4]) in known.years)
        return known.figure_closeness(value)

    def gap(option: Found) -> int:
        return sum(
            min((clause_distance(stops, option, at) for at in spots), default=0) for spots in near
        )

    def tie(option: Found) -> int:
        return min((clause_distance(stops, option, at) for at in ties), default=0)

    return sorted(options, key=lambda o: (gap(o) - 4 * closeness(o), tie(o), o.start))

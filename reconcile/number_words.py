"""The number words of each language, folded: the words num2words writes and their other forms,
scale words, fractions, compound ordinals and Russian adjectives that count; read by
reconcile.numerals through the `Vocabulary` of a text's languages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from reconcile.normalise import normalise
from reconcile.wordforms import arabic_stems, tokens

#: The endings of a Russian adjective with a hard stem: -ый, -ого, -ой …
_RU_HARD = ("ый", "ой", "ого", "ому", "ым", "ом", "ая", "ую", "ое", "ые", "ых", "ыми")

#: Multipliers written after a number ("13.5 million", "50 ألف", "2 тысячи"), per language.
SCALE_WORDS: dict[str, dict[str, float]] = {
    "en": {
        "hundred": 100, "hundreds": 100, "thousand": 1e3, "thousands": 1e3, "million": 1e6,
        "millions": 1e6, "mn": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9,
        "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "dozen": 12,
    },
    "ar": {
        "مائة": 100, "مئة": 100, "ألف": 1e3, "ألفا": 1e3, "آلاف": 1e3, "ألوف": 1e3,
        "مليون": 1e6, "مليونا": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارا": 1e9,
        "مليارات": 1e9, "بليون": 1e9, "تريليون": 1e12, "تريليونا": 1e12, "تريليونات": 1e12,
        "ترليون": 1e12,
    },
    "ru": {
        "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячу": 1e3, "тысячей": 1e3,
        "тысячам": 1e3, "тысячами": 1e3, "тысячах": 1e3, "тыс": 1e3, "миллион": 1e6,
        "миллиона": 1e6, "миллионов": 1e6, "миллионам": 1e6, "миллионами": 1e6,
        "миллионах": 1e6, "млн": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
        "млрд": 1e9, "тысяче": 1e3, "миллиону": 1e6, "миллионом": 1e6, "миллионе": 1e6,
        "миллиарду": 1e9, "миллиардом": 1e9, "миллиарде": 1e9, "миллиардам": 1e9,
        "миллиардами": 1e9, "миллиардах": 1e9, "триллион": 1e12, "триллиона": 1e12,
        "триллионов": 1e12, "триллиону": 1e12, "триллионом": 1e12, "триллионе": 1e12,
        "триллионам": 1e12, "триллионами": 1e12, "триллионах": 1e12, "трлн": 1e12,
        # a hundred as a noun: "около сотни", "две сотни", "сотни семей"
        "сотня": 100, "сотни": 100, "сотню": 100, "сотней": 100, "сотне": 100, "сотен": 100,
        "сотням": 100, "сотнями": 100, "сотнях": 100,
        "дюжина": 12, "дюжины": 12, "дюжину": 12, "дюжин": 12,
        # ten as a noun: "три десятка шахт" (thirty), "на трёх десятках шахт"; not "десятки"
        # (tens of), which counts no figure, nor its other plural forms without a number
        # before them (SCALES_AFTER_A_NUMBER)
        "десяток": 10, "десятка": 10, "десятков": 10, "десятку": 10, "десятком": 10,
        "десятке": 10, "десяткам": 10, "десятками": 10, "десятках": 10,
        # the scale as an adjective: "50-миллиардной сделки", "3-миллионный город"
        **{
            stem + ending: multiplier
            for stem, multiplier in (("миллионн", 1e6), ("миллиардн", 1e9), ("триллионн", 1e12))
            for ending in _RU_HARD
        },
    },
    "fr": {
        "cent": 100, "cents": 100, "mille": 1e3, "million": 1e6, "millions": 1e6,
        "milliard": 1e9, "milliards": 1e9, "billion": 1e12, "billions": 1e12,
    },
    "de": {
        "hundert": 100, "tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
        "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9,
    },
    "es": {
        "cien": 100, "ciento": 100, "cientos": 100, "mil": 1e3, "millón": 1e6,
        "millones": 1e6, "millardo": 1e9, "millardos": 1e9,
    },
    "tr": {"yüz": 100, "bin": 1e3, "milyon": 1e6, "milyar": 1e9},
}  # fmt: skip

#: Forms num2words does not write: other genders, cases and spellings of the same numbers.
EXTRA_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "ar": {
        "واحدة": 1, "أحد": 1, "إحدى": 1, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2,
        "اثني": 2, "اثنتا": 2, "اثنتي": 2, "ثماني": 8, "ثمان": 8, "مئتان": 200,
        "مئتين": 200, "مائتان": 200, "مائتين": 200, "مائتا": 200, "ألفان": 2000,
        "ألفين": 2000, "مليونان": 2_000_000, "مليونين": 2_000_000, "ملياران": 2 * 10**9,
        "مليارين": 2 * 10**9,
        # the dual before the noun it counts drops its ن: ألفي قتيل, مئتي جندي
        "مئتي": 200, "مائتي": 200, "ألفي": 2000, "مليوني": 2_000_000,
        "ملياري": 2 * 10**9,
        # the dual of a unit of time, or of "time", is itself a count of two: مهلة شهرين
        "شهران": 2, "شهرين": 2, "يومان": 2, "يومين": 2, "أسبوعان": 2, "أسبوعين": 2,
        "عامان": 2, "عامين": 2, "سنتان": 2, "سنتين": 2, "ساعتان": 2, "ساعتين": 2,
        "دقيقتان": 2, "دقيقتين": 2, "ليلتان": 2, "ليلتين": 2, "مرتان": 2, "مرتين": 2,
    },
    "ru": {
        "одна": 1, "одно": 1, "одного": 1, "одной": 1, "одному": 1, "одним": 1, "одном": 1,
        "одну": 1, "две": 2, "двух": 2, "двум": 2, "двумя": 2, "трёх": 3, "трём": 3,
        "тремя": 3, "четырёх": 4, "четырём": 4, "четырьмя": 4, "восьми": 8, "восьмью": 8,
        "сорока": 40, "девяноста": 90, "ста": 100, "двухсот": 200, "трёхсот": 300,
        "четырёхсот": 400, "пятисот": 500, "шестисот": 600, "семисот": 700,
        "восьмисот": 800, "девятисот": 900,
        # the oblique cases of the tens 50 to 80: "пятидесяти одного человека"
        "пятидесяти": 50, "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80,
        "пятьюдесятью": 50, "шестьюдесятью": 60, "семьюдесятью": 70, "восемьюдесятью": 80,
        # and of the hundreds: "двумстам", "пятьюстами", "о трёхстах"
        "двумстам": 200, "трёмстам": 300, "четырёмстам": 400, "пятистам": 500,
        "шестистам": 600, "семистам": 700, "восьмистам": 800, "девятистам": 900,
        "двумястами": 200, "тремястами": 300, "четырьмястами": 400, "пятьюстами": 500,
        "шестьюстами": 600, "семьюстами": 700, "восьмьюстами": 800, "девятьюстами": 900,
        "двухстах": 200, "трёхстах": 300, "четырёхстах": 400, "пятистах": 500,
        "шестистах": 600, "семистах": 700, "восьмистах": 800, "девятистах": 900,
        "дюжина": 12, "дюжины": 12, "дюжину": 12, "дюжиной": 12, "полмиллиона": 500_000,
        "полмиллиарда": 500_000_000,
        # collective numerals, which count people: "трое погибших", "шестерых горноспасателей"
        **{
            stem + ending: value
            for value, stem in enumerate(
                ("дво", "тро", "четвер", "пятер", "шестер", "семер", "восьмер", "девятер",
                 "десятер"),
                start=2,
            )
            for ending in (("е", "их", "им", "ими") if value < 4 else ("о", "ых", "ым", "ыми"))
        },
    },
    "en": {"dozen": 12},  # "a dozen ministers"; "dozens" is no number
    "fr": {"une": 1, "quatre-vingts": 80},
    "de": {"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1},
    "es": {"un": 1, "una": 1, "veintiún": 21, "veintiuna": 21},
}  # fmt: skip

#: Fractions written as one word before a scale word: "полтора миллиона", "полутора тысяч".
FRACTION_WORDS: dict[str, dict[str, float]] = {
    "ru": {"полтора": 1.5, "полторы": 1.5, "полутора": 1.5},
}

#: Numbers num2words is asked for: every one below a thousand, and the round ones above it
#: whose words are not a count times a scale word (the Arabic dual ألفا, مليونا …).
_GENERATED = (*range(1000), *(n * 1000 for n in range(1, 11)), 10**6, 2 * 10**6, 10**9, 2 * 10**9)

#: Scale words that multiply a number written before them but are no number alone: "на трёх
#: десятках шахт" is thirty, "тела находили десятками" (by the tens) no figure.
SCALES_AFTER_A_NUMBER = frozenset({"десятков", "десяткам", "десятками", "десятках"})

#: "Half" before a scale word: "half a million", "نصف مليون" (Russian writes it as one word).
HALF_WORDS = frozenset({"half", "نصف"})


@dataclass(frozen=True, slots=True)
class Vocabulary:
    words: dict[str, float]
    phrases: dict[tuple[str, ...], int]
    scales: dict[str, float]
    longest: dict[str, int]  # the most words of a phrase that begins with each word
    #: Every stem a written number can begin with: a word, a phrase's first word, a scale word.
    starts: frozenset[str]


#: The words of a decade, by its first number: "in his twenties", "في العشرينات من عمره" (with
#: "يات" too, and without "ال"), "в двадцатые годы". Digits with "s" ("his 20s", "the 1990s")
#: or Russian "-е", "-х" ("20-е", "90-х") are read from the digits.
DECADE_WORDS: dict[str, int] = {
    **{
        word: 10 * tens
        for tens, word in enumerate(
            ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
             "nineties"),
            start=2,
        )
    },
    **{
        normalise(f"{stem}{ending}"): 10 * tens
        for tens, stem in enumerate(
            ("عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"), start=2
        )
        for ending in ("ات", "يات")
    },
    **{
        f"{stem}{ending}": 10 * tens
        for tens, stem in enumerate(
            ("двадцат", "тридцат", "сороков", "пятидесят", "шестидесят", "семидесят",
             "восьмидесят", "девяност"),
            start=2,
        )
        for ending in ("ые", "ых", "ым", "ыми")
    },
}  # fmt: skip
#: What follows the digits of a decade in the same word: "20s", "1990s", "90-х".
DECADE_ENDINGS = frozenset({"s", "е", "х"})


@lru_cache(maxsize=65536)
def number_stems(token: str) -> tuple[str, ...]:
    # Past the article (الست، والستة) or "and", "so", "with", "like" (وست سفن) any stem counts;
    # past ل ("for", "to") only one of three letters or more: لست is "I am not", not ل + ست.
    return tuple(
        stem
        for stem in arabic_stems(token)
        if stem == token
        or len(stem) >= 3
        or not (prefix := token[: len(token) - len(stem)]).endswith("ل")
        or prefix.endswith("ال")
    )


@lru_cache(maxsize=64)
def vocabulary(languages: tuple[str, ...]) -> Vocabulary:
    words: dict[str, float] = {}
    phrases: dict[tuple[str, ...], int] = {}
    scales: dict[str, float] = {}
    for language in languages:
        for value, key in _number_words(language):
            if len(key) == 1:
                words.setdefault(key[0], value)
            else:
                phrases.setdefault(key, value)
        for word, multiplier in SCALE_WORDS.get(language, {}).items():
            scales.setdefault(normalise(word), multiplier)
        for word, fraction in FRACTION_WORDS.get(language, {}).items():
            words.setdefault(normalise(word), fraction)
    for scale, multiplier in scales.items():
        if words.get(scale) == multiplier:
            del words[scale]  # "mil", "cent", "ألف" are multipliers, so that "ستة آلاف" is 6000
    longest: dict[str, int] = {}
    for phrase in phrases:
        longest[phrase[0]] = max(len(phrase), longest.get(phrase[0], 0))
    return Vocabulary(
        words,
        phrases,
        scales,
        longest,
        frozenset({*words, *scales, *longest, *HALF_WORDS}) - SCALES_AFTER_A_NUMBER,
    )


@lru_cache(maxsize=16)
def number_words(languages: tuple[str, ...]) -> Mapping[str, int]:
    """Every one-word number of `languages` (folded) and its value, a later language's word
    taking the place of an earlier's: a table for rules on words, made once per languages."""
    return {
        key[0]: value
        for language in languages
        for value, key in _number_words(language)
        if len(key) == 1
    }


@lru_cache(maxsize=16)
def _number_words(language: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Each number's words in `language`, folded and split into tokens, with its value."""
    from num2words import num2words  # imported here: it is slow to import and rarely needed

    table: list[tuple[int, tuple[str, ...]]] = []
    try:
        spelled = [(n, num2words(n, lang=language)) for n in _GENERATED]
    except (NotImplementedError, OverflowError):
        spelled = []
    for value, text in spelled:
        key = _phrase_key(normalise(text))
        table.append((value, key))
        if len(key) == 1:
            table.extend((value, (form,)) for form in _word_forms(language, value, key[0]))
    table.extend(
        (value, (normalise(word),)) for word, value in EXTRA_NUMBER_WORDS.get(language, {}).items()
    )
    table.extend(_compound_ordinals(language))
    table.extend(_counting_adjectives(language))
    return tuple(table)


#: Arabic ordinal units (masculine, feminine) and tens, as compound ordinals write them:
#: "الحادية والأربعين", "الثالث والعشرون".
_AR_ORDINAL_UNITS = (
    ("الحادي", "الحادية"), ("الثاني", "الثانية"), ("الثالث", "الثالثة"), ("الرابع", "الرابعة"),
    ("الخامس", "الخامسة"), ("السادس", "السادسة"), ("السابع", "السابعة"), ("الثامن", "الثامنة"),
    ("التاسع", "التاسعة"),
)  # fmt: skip
_AR_TENS = ("العشر", "الثلاث", "الأربع", "الخمس", "الست", "السبع", "الثمان", "التسع")
#: The case endings of a Russian ordinal's last word: первый, первого, первой, первую …
_RU_ORDINAL_ENDINGS = ("ый", "ой", "ий", "ого", "ому", "ом", "ая", "ую", "ое", "ые", "ых", "ым")


def _compound_ordinals(language: str) -> list[tuple[int, tuple[str, ...]]]:
    """The ordinals of 20 to 99, which write a number a text means ("the forty-first summit",
    "the thirtieth member", "القمة الحادية والأربعين", "сорок первый саммит"); an ordinal
    below twenty ("first", "second", "tenth") ranks, it is no number. (An Arabic ordinal ten
    is its cardinal with the article, العشرين, and is read as that.)"""
    table: list[tuple[int, tuple[str, ...]]] = []
    compound = [n for n in range(20, 100) if n % 10 or language != "ar"]
    if language == "ar":
        for n in compound:
            tens = _AR_TENS[n // 10 - 2]
            for unit in _AR_ORDINAL_UNITS[n % 10 - 1]:
                for ending in ("ين", "ون"):
                    table.append((n, _phrase_key(normalise(f"{unit} و{tens}{ending}"))))
        return table
    from num2words import num2words

    for n in compound:
        try:
            key = _phrase_key(normalise(num2words(n, lang=language, to="ordinal")))
        except (NotImplementedError, OverflowError, TypeError):
            return []
        if len(key) < 2 and n % 10:
            continue
        table.append((n, key))
        if language == "ru":
            stem = next(
                (key[-1][: -len(e)] for e in ("ыи", "ои", "ии") if key[-1].endswith(e)), None
            )
            if stem is not None:
                table.extend(
                    (n, (*key[:-1], stem + normalise(ending))) for ending in _RU_ORDINAL_ENDINGS
                )
    return table


#: The first part of a Russian compound adjective of measure, and the number it counts:
#: "трёхдневный траур", "пятилетний срок", "десятиэтажный дом".
_RU_COUNTING_PREFIXES = {
    "одно": 1, "двух": 2, "трёх": 3, "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7,
    "восьми": 8, "девяти": 9, "десяти": 10, "двенадцати": 12, "пятнадцати": 15,
    "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50, "ста": 100,
}  # fmt: skip
#: The measures such adjectives count, with the endings each takes.
_RU_SOFT = ("ий", "его", "ему", "им", "ем", "яя", "юю", "ее", "ие", "их", "ими", "ей")
_RU_MEASURES = {
    "дневн": _RU_HARD, "недельн": _RU_HARD, "месячн": _RU_HARD, "годичн": _RU_HARD,
    "летн": _RU_SOFT, "часов": _RU_HARD, "минутн": _RU_HARD, "этажн": _RU_HARD,
    "кратн": _RU_HARD, "тысячн": _RU_HARD, "процентн": _RU_HARD,
}  # fmt: skip


def _counting_adjectives(language: str) -> list[tuple[int, tuple[str, ...]]]:
    """Compound adjectives that count a measure in one word, in Russian: "трёхдневный" is 3."""
    if language != "ru":
        return []
    return [
        (value, (normalise(prefix + measure + ending),))
        for prefix, value in _RU_COUNTING_PREFIXES.items()
        for measure, endings in _RU_MEASURES.items()
        for ending in endings
    ]


def _phrase_key(folded: str) -> tuple[str, ...]:
    """A phrase's tokens, with a lone Arabic و joined to the word after it, as texts write it."""
    key: list[str] = []
    joiner = ""
    for token in tokens(folded):
        if token.text == "و":
            joiner = "و"
            continue
        key.append(joiner + token.text)
        joiner = ""
    return tuple(key)


def _word_forms(language: str, value: int, word: str) -> list[str]:
    """Common other forms of a number word: ست for ستة, عشرين for عشرون, шести for шесть."""
    forms = []
    if language == "ar":
        if word.endswith("ه") and 3 <= value <= 10:
            forms.append(word[:-1])  # the count of a feminine noun: ست دول, سبع سنوات
        if value in (1, 3, 5, 7, 9, 10):
            # the accusative with its alif: واحداً وعشرين, ثلاثاً (أربعاً would read as
            # أربعاء folded; ستاً and ثمانياً are rare beside ستة and ثماني)
            forms.append(word.removesuffix("ه") + "ا")
        if word.endswith(("ون", "ان")):
            forms.append(word[:-2] + "ين")  # عشرين, ثلاثين, اثنين
        if "مايه" in word:
            forms.append(word.replace("مايه", "ميه"))  # ثلاثمئة beside ثلاثمائة, folded
    elif language == "ru" and word.endswith("ь"):
        forms.extend((word[:-1] + "и", word[:-1] + "ью"))  # шести, шестью; двадцати
    return forms

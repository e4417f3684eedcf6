"""Vietnamese text helpers: normalisation, matching keys, slugs and collation.

Vietnamese has two independent layers of diacritics: letter modifiers that make
distinct letters of the alphabet (ă â ê ô ơ ư, plus đ which has no decomposition)
and the five tone marks. The helpers below treat the two layers differently, so
they work on NFD text where both layers are separate combining characters.
"""

import re
import unicodedata
from functools import cache, lru_cache

from unidecode import unidecode

# Tone marks in ICU's Vietnamese secondary order (after "no tone", weight 0).
_TONE_WEIGHTS = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
_DROP_TONES = str.maketrans(dict.fromkeys(_TONE_WEIGHTS))

# A syllable (or any word) in NFD text: word characters plus combining marks.
_NFD_WORD = re.compile(r"[\w\u0300-\u036f]+")

# "Đ" and the look-alike "Ð" (U+00D0, common in text converted from legacy
# Vietnamese encodings) after casefolding.
_FOLD_D = str.maketrans({"đ": "d", "ð": "d"})

# Apostrophes and digit-group separators ("1.000", "2,5") vanish in slugs, as
# in Pelican, instead of splitting the word.
_SLUG_DELETE = re.compile(r"'|(?<=\d)[.,](?=\d)")
_NON_SLUG = re.compile(r"[^a-z0-9]+")

_VI_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def _casefold_nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text.casefold())


def _syllable_key(match: re.Match[str]) -> str:
    word = match.group()
    tones = "".join(c for c in word if c in _TONE_WEIGHTS)
    if not tones:
        return unicodedata.normalize("NFC", word)
    return unicodedata.normalize("NFC", word.translate(_DROP_TONES)) + tones


def match_key(text: str) -> str:
    """Key for matching names and aliases as editors write them.

    Ignores case, NFC/NFD, whitespace runs and where the tone mark sits in the
    syllable ("Hoà" == "Hòa", "Thuỷ" == "Thủy") but keeps tones apart
    ("Hà" != "Hạ"). Each syllable becomes its toneless NFC form followed by its
    tone mark as a trailing combining character; the key is only for equality
    and hashing, so do not normalise or display it.
    """
    return " ".join(_NFD_WORD.sub(_syllable_key, _casefold_nfd(text)).split())


def fold(text: str) -> str:
    """Lower-case, strip all diacritics, "đ" -> "d": "Đồng Nai" -> "dong nai".

    Letters without a decomposition other than đ (e.g. "ø") are kept, so the
    result is ASCII only for Vietnamese and most Latin text.
    """
    stripped = "".join(c for c in _casefold_nfd(text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.translate(_FOLD_D))


class _Transliteration(dict[int, str]):
    """``unidecode`` of one character, remembered: ``unidecode`` maps each character
    on its own, so ``str.translate`` with this table gives the same text, faster."""

    def __missing__(self, codepoint: int) -> str:
        self[codepoint] = ascii_text = unidecode(chr(codepoint))
        return ascii_text


_TRANSLITERATION = _Transliteration()


def slugify(text: str) -> str:
    """ASCII slug made of ``[a-z0-9]`` runs joined by single hyphens.

    Equal to Pelican's ``slugify`` with its default ``SLUG_REGEX_SUBSTITUTIONS``
    for ordinary titles, except that punctuation inside a word becomes a hyphen
    where Pelican deletes it ("123/QĐ-UBND" -> "123-qd-ubnd", not "123qd-ubnd"),
    "_" becomes a hyphen, and HTML tags are not stripped. May return "".
    """
    ascii_text = unicodedata.normalize("NFKC", text).translate(_TRANSLITERATION).lower()
    return _NON_SLUG.sub("-", _SLUG_DELETE.sub("", ascii_text)).strip("-")


def legacy_url_title(text: str) -> str:
    """URL title as the old Liferay CMS derived it from an article title.

    Liferay lower-cased, decomposed to NFD and deleted everything non-ASCII, so
    tone and letter marks vanish and "đ", having no decomposition, is dropped
    entirely ("thi đua" -> "thi-ua"). Non-ASCII punctuation goes the same way
    ("Bình–Phổ" -> "binhpho"). Then each run of other non-alphanumerics becomes
    one hyphen.
    """
    nfd = unicodedata.normalize("NFD", text.lower())
    ascii_text = nfd.encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_text).strip("-")


# Primary weight bands, mirroring ICU's default order:
# whitespace < punctuation and symbols < digits < Vietnamese/Latin letters
# < other letters.
_SPACE = 0
_PUNCT = 1
_DIGIT = _PUNCT + 0x110000
_LETTER = _DIGIT + 10
_OTHER = _LETTER + len(_VI_ALPHABET)
_LETTER_WEIGHTS = {c: _LETTER + i for i, c in enumerate(_VI_ALPHABET)}


@lru_cache(maxsize=4096)
def _primary_weight(char: str) -> int:
    """Weight of one casefolded, toneless NFC character."""
    if char in _LETTER_WEIGHTS:
        return _LETTER_WEIGHTS[char]
    if char.isspace():
        return _SPACE
    if char.isdecimal():
        return _DIGIT + unicodedata.decimal(char)
    if char.isalpha():
        # Accents foreign to Vietnamese ("ü", "ç") do not change the letter.
        base = unicodedata.normalize("NFD", char)[0]
        return _LETTER_WEIGHTS.get(base, _OTHER + ord(char))
    return _PUNCT + ord(char)


@cache  # a name is sorted many times: on every list it shows on
def vi_sort_key(
    text: str,
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...], str]:
    """Sort key following ICU's Vietnamese collation for ordinary names.

    Primary: letters in the Vietnamese alphabet (a ă â b c d đ e ê ... ơ ... ư
    ...), case-insensitive, with whitespace, then punctuation, then digits
    before letters. Secondary, used only when the letters tie: one tone per
    syllable, ordered none, huyền, hỏi, ngã, sắc, nặng, so the tone's position
    in the syllable does not matter. Tertiary: lower case before upper case, as
    in ICU. Last, the NFC text keeps the order total. Accents other than
    tones and Vietnamese letter marks are not weighed.
    """
    nfd = _casefold_nfd(text)
    tones = tuple(max(_TONE_WEIGHTS.get(c, 0) for c in word) for word in _NFD_WORD.findall(nfd))
    toneless = unicodedata.normalize("NFC", nfd.translate(_DROP_TONES))
    primary = tuple(_primary_weight(c) for c in toneless if not unicodedata.combining(c))
    nfc_text = nfc(text)
    return primary, tones, tuple(c.isupper() for c in nfc_text), nfc_text

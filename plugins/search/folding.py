"""Making "đ" match "d" in Pagefind, which folds tone and letter marks only.

Pagefind (1.5) indexes each word under its lower-cased form with combining
marks removed after NFD, and keeps the form as written for ranking: "Thái"
is found as "thai". "đ" has no decomposition, so "Đồng" is indexed as "đong"
and the query "dong" misses it.

The HTML given to Pagefind (never the published file) therefore writes each
"đ" as "d" followed by U+0335 COMBINING SHORT STROKE OVERLAY, which Pagefind
strips like any other mark: "Đồng" is indexed under "dong", its form as
written is "d̵ồng". The search page's script writes the reader's "đ" the same
way before searching, so exact spellings still rank first, and turns the
marked pair back into "đ" in every title and excerpt it shows.
"""

from plugins.domain.text import nfc

STROKE = "\u0335"
"""Combining mark written after "d" where the text has "đ"."""

# "Ð" (U+00D0) stands in for "Đ" in text converted from legacy encodings; the
# search page restores both as "Đ"/"đ", as plugins.domain.text.fold treats them.
_MARK_D = str.maketrans(
    {"đ": "d" + STROKE, "ð": "d" + STROKE, "Đ": "D" + STROKE, "Ð": "D" + STROKE}
)


def mark_d(text: str) -> str:
    """``text`` in NFC with each "đ" marked as above (``markD`` in search.js)."""
    return nfc(text).translate(_MARK_D)

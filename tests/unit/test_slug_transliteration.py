"""``slugify`` transliterates through a remembered table: the same as ``unidecode``."""

import random
import unicodedata

from unidecode import unidecode

from plugins.domain.text import slugify

VIETNAMESE = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)


def slug_by_unidecode(text: str) -> str:
    """What ``slugify`` did before the table: ``unidecode`` on the whole text."""
    ascii_text = unidecode(unicodedata.normalize("NFKC", text)).lower()
    return slugify(ascii_text)


def test_every_vietnamese_letter_as_unidecode_gives_it():
    letters = VIETNAMESE + VIETNAMESE.upper()
    assert [slugify(c) for c in letters] == [slug_by_unidecode(c) for c in letters]
    assert slugify(letters) == slug_by_unidecode(letters)


def test_random_text_as_unidecode_gives_it():
    rng = random.Random(8)
    codepoints = [c for c in range(0x20, 0x30000) if not 0xD800 <= c < 0xE000]
    texts = ["".join(map(chr, rng.sample(codepoints, 12))) for _ in range(2000)]
    texts += ["Hội nghị 1.000 người", "123/QĐ-UBND", "ﬁ ½ ² Ⅻ", "Đắk Lắk – Ð"]
    assert [slugify(t) for t in texts] == [slug_by_unidecode(t) for t in texts]

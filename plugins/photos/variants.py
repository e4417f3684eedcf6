"""What is published for one photo: the variants, their sizes and encoder settings.

Pure functions of the photo's (oriented) size and whether it has transparency,
so the page markup and the encoder always agree on every width and height.
Each variant's ``key`` hashes everything that shapes its bytes; the cache files
it under that key, so changing a setting here re-encodes only what it changes.
"""

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal

import PIL

WIDTHS = (480, 960, 1600)
"""Widths of the responsive variants, in pixels; never wider than the photo."""
SHARE_SIZE = (1200, 630)
"""The Open Graph image: cropped to cover this size."""
SHARE_CENTRE = (0.5, 0.4)
"""Where the share crop is centred: a little above the middle, where faces are."""
ENCODER_REVISION = 1
"""Bump when the encoding code changes in a way that changes its output."""

Format = Literal["webp", "jpeg", "png"]
MIME: dict[Format, str] = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
EXTENSION: dict[Format, str] = {"webp": "webp", "jpeg": "jpg", "png": "png"}
SAVE_OPTIONS: dict[Format, dict[str, Any]] = {
    "webp": {"quality": 80, "method": 4},
    "jpeg": {"quality": 82, "optimize": True, "progressive": True, "subsampling": "4:2:0"},
    "png": {"optimize": False, "compress_level": 9},
}


@dataclass(frozen=True)
class Variant:
    """One file to publish: ``crop`` variants cover their size, others keep the ratio."""

    width: int
    height: int
    format: Format
    crop: bool = False

    @property
    def key(self) -> str:
        settings = {
            "size": [self.width, self.height],
            "format": self.format,
            "crop": [*SHARE_CENTRE] if self.crop else None,
            "options": SAVE_OPTIONS[self.format],
            "revision": ENCODER_REVISION,
            "pillow": PIL.__version__,
        }
        digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()
        return f"{self.width}x{self.height}-{digest[:16]}"

    @property
    def filename(self) -> str:
        """The cache file name; the key alone names the settings."""
        return f"{self.key}.{EXTENSION[self.format]}"

    @property
    def mime(self) -> str:
        return MIME[self.format]


def fallback_format(has_alpha: bool) -> Format:
    """For browsers without WebP: JPEG, or PNG where the photo is transparent."""
    return "png" if has_alpha else "jpeg"


def responsive(width: int, height: int, has_alpha: bool) -> tuple[Variant, ...]:
    """Every width of :data:`WIDTHS` that the photo allows, in WebP and the fallback."""
    widths = sorted({min(w, width) for w in WIDTHS})
    return tuple(
        Variant(w, max(1, round(height * w / width)), fmt)
        for fmt in ("webp", fallback_format(has_alpha))
        for w in widths
    )


def full(width: int, height: int) -> Variant:
    """The largest width in JPEG whatever the photo, for links and other sites."""
    widest = min(max(WIDTHS), width)
    return Variant(widest, max(1, round(height * widest / width)), "jpeg")


def share() -> Variant:
    return Variant(*SHARE_SIZE, "jpeg", crop=True)

"""Pillow work on one photo: read its header, or decode it once and write variants.

:func:`encode` runs in worker processes, so it takes and returns only plain,
picklable values. Everything written is stripped of metadata (EXIF, GPS, XMP,
ICC): pixels are turned upright by their EXIF orientation and into sRGB first.
"""

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from plugins.domain.images import open_image

from .variants import SAVE_OPTIONS, SHARE_CENTRE, Variant

_ORIENTATION = 0x0112
_SIDEWAYS = frozenset({5, 6, 7, 8})
"""EXIF orientations that swap width and height."""
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_RESAMPLE = Image.Resampling.LANCZOS


@dataclass(frozen=True)
class SourceInfo:
    """What the variants of a photo depend on, read from its header alone."""

    width: int
    height: int
    has_alpha: bool
    sideways: bool


def inspect(path: Path, name: str) -> SourceInfo:
    """The photo's size once upright, and whether it is transparent."""
    with open_image(path, name) as image:
        sideways = image.getexif().get(_ORIENTATION) in _SIDEWAYS
        width, height = image.size
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if sideways:
        width, height = height, width
    return SourceInfo(width, height, has_alpha, sideways)


def encode(
    path: Path,
    name: str,
    info: SourceInfo,
    variants: Sequence[Variant],
    folder: Path,
    max_pixels: int | None,
) -> int:
    """Decode ``path`` once and write each of ``variants`` into ``folder``.

    ``max_pixels`` is the parent's ``Image.MAX_IMAGE_PIXELS``: a worker started
    afresh would not inherit it. Files appear whole or not at all (written
    aside, then renamed), so a build that stops midway leaves no broken entry.
    Returns how many files were written.
    """
    Image.MAX_IMAGE_PIXELS = max_pixels
    with open_image(path, name) as image:
        # JPEG decodes straight to a smaller scale when the variants allow it.
        image.draft(image.mode, _stored_size(_needed_size(info, variants), info.sideways))
        upright = ImageOps.exif_transpose(image)
    upright = _srgb(upright, info.has_alpha)
    folder.mkdir(parents=True, exist_ok=True)
    # Largest first, each width resized from the one before (much cheaper than
    # from the original) and each size resized once for all its formats.
    source = upright
    resized: dict[tuple[int, int, bool], Image.Image] = {}
    for variant in sorted(variants, key=lambda v: v.width * v.height, reverse=True):
        shape = (variant.width, variant.height, variant.crop)
        if shape not in resized:
            resized[shape] = _resize(upright if variant.crop else source, variant)
            source = source if variant.crop else resized[shape]
        _save(resized[shape], variant, folder / variant.filename)
    return len(variants)


def _needed_size(info: SourceInfo, variants: Sequence[Variant]) -> tuple[int, int]:
    """The smallest upright size that every variant can be made from."""
    scale = max(
        max(v.width / info.width, v.height / info.height) if v.crop else v.width / info.width
        for v in variants
    )
    return (round(info.width * scale), round(info.height * scale))


def _stored_size(size: tuple[int, int], sideways: bool) -> tuple[int, int]:
    return (size[1], size[0]) if sideways else size


def _srgb(image: Image.Image, has_alpha: bool) -> Image.Image:
    """RGB(A) pixels in sRGB, with no metadata left to publish."""
    mode = "RGBA" if has_alpha else "RGB"
    if image.mode in ("P", "PA") or (image.mode == "L" and has_alpha):
        image = image.convert("RGBA")
    profile = image.info.get("icc_profile")
    converted = _to_srgb(image, profile, mode) if profile else None
    if converted is not None:
        clean = converted
    else:
        clean = image if image.mode == mode else image.convert(mode)
    clean.info = {}  # no EXIF, XMP, ICC or text chunk is carried into any file
    return clean


def _to_srgb(image: Image.Image, profile: bytes, mode: str) -> Image.Image | None:
    """Colours converted from the embedded profile; None if that profile is unusable."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None


def _resize(image: Image.Image, variant: Variant) -> Image.Image:
    size = (variant.width, variant.height)
    if variant.crop:
        return ImageOps.fit(image, size, _RESAMPLE, centering=SHARE_CENTRE)
    if image.size == size:
        return image
    return image.resize(size, _RESAMPLE, reducing_gap=3.0)


def _save(image: Image.Image, variant: Variant, target: Path) -> None:
    if variant.format == "jpeg" and image.mode == "RGBA":  # JPEG has no transparency
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        image.save(partial, format=variant.format.upper(), **SAVE_OPTIONS[variant.format])
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)

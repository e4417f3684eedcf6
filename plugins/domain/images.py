"""Opening editors' photos with Pillow, every failure explained in Vietnamese.

Loading the content reads only each photo's header (cheap); decoding errors
such as a truncated file show up when the photo is encoded, through the same
:func:`open_image`, so both report the same words.
"""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, UnidentifiedImageError

FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
"""Pillow's format names of the photos the site publishes, and how editors write them."""
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"mif1", b"msf1")


class ImageFileError(Exception):
    """A photo that cannot be published; the message is for editors."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@contextmanager
def open_image(path: Path, name: str) -> Iterator[Image.Image]:
    """Open ``path`` (written ``name`` by the editor) as a photo the site publishes.

    Decompression bombs are errors, not warnings: a photo with more pixels than
    ``Image.MAX_IMAGE_PIXELS`` is refused before it is decoded. Errors raised
    while decoding inside the ``with`` block are explained as well.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                if image.format not in FORMATS:
                    raise ImageFileError(
                        f'ảnh "{name}" ở định dạng {image.format}, website chỉ nhận'
                        " JPEG, PNG hoặc WebP — hãy lưu lại ảnh ở một trong các định dạng đó"
                    )
                yield image
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            limit = (Image.MAX_IMAGE_PIXELS or 0) / 1_000_000
            raise ImageFileError(
                f'ảnh "{name}" có quá nhiều điểm ảnh (giới hạn {limit:.0f} triệu) — tệp có'
                " thể bị hỏng; nếu là ảnh thật, hãy thu nhỏ ảnh xuống dưới 6000 điểm mỗi chiều"
            ) from None
        except UnidentifiedImageError:
            raise ImageFileError(_unidentified(path, name)) from None
        except (OSError, SyntaxError, ValueError) as exc:
            if "truncated" in str(exc).lower():
                raise ImageFileError(
                    f'ảnh "{name}" bị cắt cụt: tệp chưa được chép hết — hãy chép lại ảnh gốc'
                ) from None
            raise ImageFileError(
                f'ảnh "{name}" bị hỏng, không giải mã được ({exc}) — hãy chép lại ảnh gốc'
                " hoặc mở và lưu lại ảnh bằng phần mềm xem ảnh"
            ) from None


def _unidentified(path: Path, name: str) -> str:
    with path.open("rb") as file:
        head = file.read(12)
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return (
            f'ảnh "{name}" ở định dạng HEIC/HEIF (ảnh iPhone), website chưa dùng được —'
            " hãy xuất ảnh sang JPEG"
        )
    return f'tệp "{name}" không đọc được như một ảnh (hỏng hoặc không phải JPEG/PNG/WebP)'

"""Generated photos for tests and benchmarks: what phones and cameras hand editors.

Nothing here is a real photo: gradients and noise, with the metadata cameras
write (EXIF orientation, GPS position, ICC profile) where asked.
"""

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms

ORIENTATION = 0x0112
GPS_IFD = 0x8825
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def camera_jpeg(
    path: Path,
    size: tuple[int, int] = (4000, 3000),
    *,
    orientation: int = 1,
    gps: bool = True,
    noise: bool = False,
    icc: bytes | None = None,
    quality: int = 90,
) -> Path:
    """A camera-like JPEG: a gradient (with sensor-like noise if asked) and EXIF."""
    image = _pixels(size, noise)
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Generated camera"
    if gps:
        gps_ifd = exif.get_ifd(GPS_IFD)
        gps_ifd[1], gps_ifd[2] = "N", (21.0, 35.0, 36.0)
        gps_ifd[3], gps_ifd[4] = "E", (105.0, 50.0, 24.0)
    options = {"exif": exif, "quality": quality, "xmp": b"<x:xmpmeta>generated</x:xmpmeta>"}
    if icc is not None:
        options["icc_profile"] = icc
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", **options)
    return path


def transparent_png(path: Path, size: tuple[int, int] = (1200, 800)) -> Path:
    """A logo-like PNG: an opaque disc on a transparent background."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    disc = Image.new("RGBA", size, (11, 79, 138, 255))
    mask = Image.new("L", size, 0)
    mask.paste(255, (size[0] // 4, size[1] // 4, 3 * size[0] // 4, 3 * size[1] // 4))
    image.paste(disc, mask=mask)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")
    return path


def swapped_primaries_profile() -> bytes:
    """sRGB with its red and green primaries swapped: a pure red pixel tagged with
    it is green in sRGB, so a test can tell the colours were converted."""
    data = bytearray(SRGB)
    (count,) = struct.unpack(">I", data[128:132])
    offsets = {bytes(data[132 + 12 * i : 136 + 12 * i]): 132 + 12 * i for i in range(count)}
    red, green = offsets[b"rXYZ"], offsets[b"gXYZ"]
    data[red + 4 : red + 12], data[green + 4 : green + 12] = (
        data[green + 4 : green + 12],
        data[red + 4 : red + 12],
    )
    return bytes(data)


def png_declaring(path: Path, size: tuple[int, int]) -> Path:
    """A tiny PNG whose header claims ``size``: a decompression bomb's signature."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = struct.pack(">II", *size)  # IHDR width and height
    chunk = data[12:29]
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(chunk)))
    path.write_bytes(bytes(data))
    return path


def _pixels(size: tuple[int, int], noise: bool) -> Image.Image:
    red = Image.linear_gradient("L").resize(size)
    green = Image.linear_gradient("L").rotate(90).resize(size)
    blue = Image.new("L", size, 128)
    if noise:
        blue = Image.effect_noise(size, 48)
    return Image.merge("RGB", (red, green, blue))

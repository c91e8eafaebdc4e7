"""What an exported picture of the timeline is to be: its size, range, words and look.

A size is laid out in CSS pixels (96 to the inch, as a browser takes them) and
written `scale` times as many pixels: "3840 × 2160" is the 1920 × 1080 layout at 2×,
so its words are as readable on a 4K screen as the other is on a Full HD one. A page
size (A4, Letter) is the page's printable area at 96 dpi, landscape.
"""

from __future__ import annotations

from viewer.core.frozen import frozen

MM_PER_INCH = 25.4
CSS_DPI = 96
PAGE_MARGIN_MM = 10.0


@frozen
class PictureSize:
    label: str
    width: int  # CSS px
    height: int | None  # CSS px; None: as tall as the lanes need
    scale: int = 1  # pixels written per CSS px (PNG)
    page: str | None = None  # "A4", "Letter": a landscape page of that paper

    def pixels(self, height: int) -> tuple[int, int]:
        """The PNG's size in pixels when the layout is `height` CSS px tall."""
        return self.width * self.scale, height * self.scale


def _page(label: str, width_mm: float, height_mm: float) -> PictureSize:
    """A landscape page's printable area (10 mm margins) in CSS px, written at 2×."""

    def px(mm: float) -> int:
        return round((mm - 2 * PAGE_MARGIN_MM) / MM_PER_INCH * CSS_DPI)

    return PictureSize(label, px(width_mm), px(height_mm), 2, page=label.split(maxsplit=1)[0])


ARTICLE = PictureSize("1600 px wide, as tall as the lanes need", 1600, None)
FULL_HD = PictureSize("1920 × 1080 (Full HD slide)", 1920, 1080)
UHD = PictureSize("3840 × 2160 (4K: the Full HD layout at 2×)", 1920, 1080, 2)
A4 = _page("A4 landscape", 297, 210)
LETTER = _page("Letter landscape", 279.4, 215.9)
PRESETS: tuple[PictureSize, ...] = (ARTICLE, FULL_HD, UHD, A4, LETTER)
#: The least and most a custom size may be, CSS px.
CUSTOM_LIMITS = (320, 7680)


def custom(width: int, height: int | None, scale: int = 1) -> PictureSize:
    low, high = CUSTOM_LIMITS
    if not low <= width <= high or (height is not None and not low <= height <= high):
        raise ValueError(f"a picture is {low} to {high} px wide and high")
    shown = f"{width} × {height}" if height else f"{width} px wide"
    return PictureSize(f"Custom: {shown}", width, height, scale)


@frozen
class PictureSpec:
    size: PictureSize = ARTICLE
    whole: bool = False  # the whole profile, else the range the window shows
    title: str = ""  # "" : the caption's
    subtitle: str | None = None  # None: the dates the picture shows
    dark: bool = False  # light unless asked, whatever the desktop
    selection: bool = False  # the reader's selection ring
    marks: bool = False  # the reader's own stars, notes and colours


def default_page(letter: bool) -> PictureSize:
    """The page a PDF is laid out on unless told: Letter where the locale uses it."""
    return LETTER if letter else A4

"""Writes assets/fonts/DroidSansFallback-Tideline.ttf: the glyphs of Droid
Sans Fallback (Debian's fonts-droid-fallback, Apache License 2.0) that
Tideline's Japanese and Chinese words need: every character of
crates/locale/locales/ja.toml and zh-Hans.toml, kana, and CJK punctuation.

Run from the repository root with fontTools (PyPI) installed:
    python3 assets/fonts/cjk-subset.py
"""

from pathlib import Path

from fontTools import subset

SOURCE = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
TARGET = "assets/fonts/DroidSansFallback-Tideline.ttf"

text = "".join(
    Path(f"crates/locale/locales/{name}.toml").read_text(encoding="utf-8")
    for name in ("ja", "zh-Hans")
)
# Kana, CJK symbols and punctuation, and full-width forms.
blocks = [(0x3000, 0x30FF), (0xFF00, 0xFFEF)]
chars = {c for c in text if ord(c) >= 0x2E80}
chars |= {chr(code) for start, end in blocks for code in range(start, end + 1)}

options = subset.Options()
options.name_IDs = ["*"]
options.notdef_outline = True
options.drop_tables += ["DSIG"]
font = subset.load_font(SOURCE, options)
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=sorted(ord(c) for c in chars))
subsetter.subset(font)
font.save(TARGET)
print(f"{TARGET}: {len(chars)} characters")

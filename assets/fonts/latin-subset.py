"""Writes assets/fonts/Inter-{Regular,SemiBold}-Latin.woff: the Latin,
Latin-1, Latin Extended-A and punctuation glyphs of the bundled Inter
(SIL Open Font License 1.1), which the exported web page inlines so that
its text is set in the font the engine measured, with no font fetched.

Run from the repository root with fontTools (PyPI) installed:
    python3 assets/fonts/latin-subset.py
"""

from fontTools import subset

RANGES = [
    (0x0020, 0x007E),
    (0x00A0, 0x017F),
    (0x2010, 0x2027),
    (0x2030, 0x203A),
    (0x20AC, 0x20AC),
    (0x2122, 0x2122),
    (0x2190, 0x2193),
    (0x2212, 0x2212),
]

for face in ("Regular", "SemiBold"):
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["kern", "liga", "calt", "tnum"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG"]
    font = subset.load_font(f"assets/fonts/Inter-{face}.otf", options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for a, b in RANGES for c in range(a, b + 1)])
    subsetter.subset(font)
    subset.save_font(font, f"assets/fonts/Inter-{face}-Latin.woff", options)

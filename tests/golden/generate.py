#!/usr/bin/env python3
"""Regenerate the layout golden files with the GNU FriBidi oracle.

Run from the repository root (needs libfribidi and python's wcwidth, as the oracle does):

    python3 tests/golden/generate.py [path/to/fribidi_oracle.py]

The oracle defaults to ../shared/tools/fribidi_oracle.py. The tests (tests/layout_golden.rs)
only read the files written here; they never run python or FriBidi.

Inputs ("sets"): the sample article assets/samples/putin-harbin.txt and tests/golden/cases.txt,
one paragraph per line, the first line being the title. For each set, mode and width this
writes tests/golden/<set>.<mode>.w<width>.txt:

    @@ <paragraph index> <rtl|ltr>
    <the oracle's lines for that paragraph>
    ...

The direction is akhbar's `Direction::Auto` rule, replicated below, and the oracle is run with
--rtl or --ltr accordingly (the test checks that the Rust rule gives the same direction).
Modes: noshape = --no-shape; shape = default (joining forms, no ligatures);
liga = --liga --keep-fill (raw FriBidi ligature output, U+FEFF fill characters included: the
test names and removes that difference itself).
"""
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "tests", "golden")
SETS = {
    "sample": os.path.join(ROOT, "assets", "samples", "putin-harbin.txt"),
    "cases": os.path.join(GOLDEN, "cases.txt"),
}
MODES = {"noshape": ["--no-shape"], "shape": [], "liga": ["--liga", "--keep-fill"]}
WIDTHS = [20, 40, 60, 80, 120]


def is_arabic_letter(c):
    return unicodedata.bidirectional(c) == "AL" and c.isalpha()


def is_strong_letter(c):
    return c.isalpha() and unicodedata.bidirectional(c) in ("L", "R", "AL")


def article_is_rtl(paragraphs):
    arabic = sum(1 for p in paragraphs for c in p if is_arabic_letter(c))
    letters = sum(1 for p in paragraphs for c in p if is_strong_letter(c))
    return arabic * 2 > letters


def auto_is_rtl(text, article_rtl):
    if article_rtl and any(is_arabic_letter(c) for c in text):
        return True
    for c in text:
        b = unicodedata.bidirectional(c)
        if b == "L":
            return False
        if b in ("R", "AL"):
            return True
    return article_rtl


def oracle_lines(oracle, paragraph, width, rtl, flags):
    cmd = [sys.executable, oracle, "--width", str(width), "--rtl" if rtl else "--ltr"] + flags
    out = subprocess.run(cmd, input=paragraph + "\n", capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    return out.split("\n")[:-1]


def main():
    oracle = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "tools",
                                                               "fribidi_oracle.py")
    for name, path in SETS.items():
        with open(path, encoding="utf-8") as f:
            paragraphs = [line.rstrip("\n").rstrip("\r") for line in f]
        article_rtl = article_is_rtl(paragraphs)
        directions = [auto_is_rtl(p, article_rtl) for p in paragraphs]
        for mode, flags in MODES.items():
            for width in WIDTHS:
                out = []
                for index, (paragraph, rtl) in enumerate(zip(paragraphs, directions)):
                    out.append("@@ %d %s" % (index, "rtl" if rtl else "ltr"))
                    out.extend(oracle_lines(oracle, paragraph, width, rtl, flags))
                target = os.path.join(GOLDEN, "%s.%s.w%d.txt" % (name, mode, width))
                with open(target, "w", encoding="utf-8") as f:
                    f.write("\n".join(out) + "\n")
                print("wrote", os.path.relpath(target, ROOT))


if __name__ == "__main__":
    main()

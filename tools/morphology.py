#!/usr/bin/env python3
"""Writes assets/ner/morphology.tsv: what the qalsadi analyser (over the arramooz dictionary)
says each word of the news and of the NER training data can be.

    python3 -m venv /tmp/morph && . /tmp/morph/bin/activate
    pip install qalsadi==0.5.1 arramooz-pysqlite==0.4.2 pyarabic==0.6.15
    python3 tools/morphology.py ../shared/data/news-jawharafm/articles \
        ../shared/data/anercorp/train.txt assets/ner/morphology.tsv

Words: every Arabic-letter run seen at least twice in the news folder's *.txt files, and every
Arabic token of the CoNLL training file. Out: one `form<TAB>classes` line per word, sorted, the
classes letters of V (can be a verb), N (a common noun or adjective), P (a proper noun in the
dictionary), S (a function word), U (no analysis). Takes about 4 minutes on one core.
"""

import collections
import os
import re
import sys

import qalsadi.analex

ARABIC_RUN = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0660-\u0669\u0670\u0640]+")


def words(news_dir, conll):
    counts = collections.Counter()
    for name in os.listdir(news_dir):
        if name.endswith(".txt"):
            with open(os.path.join(news_dir, name), encoding="utf-8", errors="replace") as f:
                counts.update(ARABIC_RUN.findall(f.read()))
    forms = {w for w, n in counts.items() if n >= 2}
    with open(conll, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts and ARABIC_RUN.fullmatch(parts[0]):
                forms.add(parts[0])
    return sorted(forms)


def classes(analyser, word):
    try:
        analyses = analyser.check_word(word)
    except Exception:  # the analyser fails on a few odd forms: count them as unanalysed
        analyses = []
    found = set()
    for a in analyses:
        kind = a.get_type()
        if kind.startswith("Verb"):
            found.add("V")
        elif "noun_prop" in kind:
            found.add("P")
        elif kind.startswith("Noun"):
            found.add("N")
        elif kind.startswith("STOPWORD"):
            found.add("S")
    return "".join(sorted(found)) or "U"


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    news_dir, conll, out = sys.argv[1:]
    analyser = qalsadi.analex.Analex()
    with open(out, "w", encoding="utf-8") as f:
        f.write("# form\tclasses (tools/morphology.py; V verb, N noun, P proper noun, "
                "S function word, U unanalysed)\n")
        for w in words(news_dir, conll):
            f.write(f"{w}\t{classes(analyser, w)}\n")


if __name__ == "__main__":
    main()

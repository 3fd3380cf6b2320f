//! Property tests of the layout room on random mixes of Arabic letters, Latin, digits,
//! harakat, brackets, spaces, emoji (with ZWJ sequences and flags), joiners, controls and bidi
//! controls.
//!
//! What "every grapheme appears exactly once" means here: the `logical` ranges of all runs of
//! all lines are disjoint; what lies between them (and before the first / after the last) is
//! only U+0020 spaces dropped at line breaks and characters sanitizing removes; and with
//! shaping off each run's text is exactly the sanitized original slice, reversed by grapheme
//! cluster and mirrored when the run is RTL (a trailing ZWJ/ZWNJ counts as its own cluster).

use akhbar::layout::{
    Direction, LayoutOptions, StyleSpan, VisualLine, layout_paragraph, sanitized_chars, text_width,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const PIECES: &[&str] = &[
    "ب",
    "ت",
    "ل",
    "ا",
    "أ",
    "إ",
    "آ",
    "ء",
    "ة",
    "ى",
    "ي",
    "و",
    "ر",
    "م",
    "ن",
    "ع",
    "ه",
    "ـ",
    "پ",
    "\u{64B}",
    "\u{64E}",
    "\u{650}",
    "\u{651}",
    "\u{652}",
    "a",
    "Z",
    "x",
    "e\u{301}",
    "0",
    "7",
    "٣",
    "۴",
    "%",
    "٪",
    ".",
    ",",
    "،",
    "/",
    "-",
    "+",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "«",
    "»",
    "“",
    "”",
    "<",
    ">",
    " ",
    " ",
    " ",
    " ",
    "😀",
    "❤\u{fe0f}",
    "👨\u{200d}👩\u{200d}👧",
    "🇸🇦",
    "\u{200c}",
    "\u{200d}",
    "中",
    "\u{a0}",
];
const NASTY: &[&str] = &[
    "\u{202a}", "\u{202b}", "\u{202c}", "\u{202d}", "\u{202e}", "\u{2066}", "\u{2067}", "\u{2068}",
    "\u{2069}", "\u{200e}", "\u{200f}", "\u{61c}", "\t", "\n", "\u{1b}", "\u{7}", "\u{9b}",
    "\u{feff}", "\r",
];

fn paragraph(nasty: bool) -> impl Strategy<Value = String> {
    let piece = if nasty {
        prop_oneof![4 => prop::sample::select(PIECES), 1 => prop::sample::select(NASTY)].boxed()
    } else {
        prop::sample::select(PIECES).boxed()
    };
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        0usize..50,
        any::<bool>(),
        any::<bool>(),
        0..3u8,
        any::<bool>(),
    )
        .prop_map(
            |(width, shaping, ligatures, dir, article_rtl)| LayoutOptions {
                width,
                shaping,
                ligatures,
                direction: [Direction::Auto, Direction::Rtl, Direction::Ltr][usize::from(dir)],
                article_rtl,
            },
        )
}

/// Graphemes as layout clusters them: trailing joiners are clusters of their own.
fn clusters(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for g in text.graphemes(true) {
        let body = g.trim_end_matches(['\u{200c}', '\u{200d}']);
        let body = if body.is_empty() { &g[..3] } else { body };
        out.push(body);
        let mut rest = &g[body.len()..];
        while !rest.is_empty() {
            out.push(&rest[..3]);
            rest = &rest[3..];
        }
    }
    out
}

fn is_bidi_mark(grapheme: &str) -> bool {
    matches!(grapheme, "\u{200e}" | "\u{200f}" | "\u{61c}")
}

/// Sanitized, but with the bidi marks still in: they weigh in the bidi algorithm and, being
/// controls, end grapheme clusters (UAX#29 GB4/GB5) before layout drops them.
/// What sanitizing the whole text keeps of the bytes in `range` (bidi marks too if
/// `keep_marks`): a part is judged within the whole, as layout judges it.
fn kept(text: &str, range: std::ops::Range<usize>, keep_marks: bool) -> String {
    sanitized_chars(text, keep_marks)
        .filter(|(offset, _)| range.contains(offset))
        .filter_map(|(_, c)| c)
        .collect()
}

fn mirrored(s: &str) -> String {
    s.chars()
        .map(|c| unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c))
        .collect()
}

fn all_runs(lines: &[VisualLine]) -> Vec<&akhbar::layout::VisualRun> {
    lines.iter().flat_map(|l| &l.runs).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Never panics; no line is wider than the width unless it holds a single grapheme
    /// cluster wider than the whole line; RTL lines end exactly at the width; the plain text
    /// measures what the line says.
    #[test]
    fn lines_fit_the_width(text in paragraph(true), opts in options()) {
        let width = opts.width.max(1);
        let lines = layout_paragraph(&text, &opts, &[]);
        prop_assert!(!lines.is_empty());
        for line in &lines {
            let plain = line.to_plain();
            if line.width > width {
                prop_assert_eq!(plain.trim_start().graphemes(true).count(), 1, "{:?}", plain);
            }
            if line.rtl && !line.runs.is_empty() && line.width <= width {
                prop_assert_eq!(line.indent + line.width, width);
            }
            prop_assert_eq!(text_width(&plain), line.indent + line.width, "{:?}", plain);
            prop_assert_eq!(line.runs.iter().map(|r| r.width).sum::<usize>(), line.width);
            if !line.rtl {
                prop_assert!(!plain.ends_with(' '));
            }
        }
    }

    /// Output is plain: no controls, bidi controls or U+FEFF.
    #[test]
    fn output_is_clean(text in paragraph(true), opts in options()) {
        for line in layout_paragraph(&text, &opts, &[]) {
            for c in line.to_plain().chars() {
                prop_assert!(!c.is_control() && c != '\u{feff}', "{:?}", c);
                prop_assert!(!matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
                    | '\u{200e}' | '\u{200f}' | '\u{61c}'), "{:?}", c);
            }
        }
    }

    /// Every grapheme appears exactly once (see the module docs for the precise statement).
    #[test]
    fn every_grapheme_appears_exactly_once(text in paragraph(true), opts in options()) {
        let lines = layout_paragraph(&text, &opts, &[]);
        let mut ranges: Vec<_> = all_runs(&lines).iter().map(|r| r.logical.clone()).collect();
        ranges.sort_by_key(|r| r.start);
        let mut covered = 0;
        for range in &ranges {
            prop_assert!(range.start >= covered, "overlap at {:?}", range);
            let gap = kept(&text, covered..range.start, false);
            prop_assert!(gap.chars().all(|c| c == ' '), "lost {:?}", gap);
            covered = range.end;
        }
        let tail = kept(&text, covered..text.len(), false);
        prop_assert!(tail.chars().all(|c| c == ' '), "lost {:?}", tail);
        if !opts.shaping {
            for run in all_runs(&lines) {
                let logical = kept(&text, run.logical.clone(), false);
                let expected = if run.rtl {
                    let marked = kept(&text, run.logical.clone(), true);
                    let drawn = clusters(&marked).into_iter().filter(|g| !is_bidi_mark(g));
                    mirrored(&drawn.rev().collect::<String>())
                } else {
                    logical
                };
                prop_assert_eq!(&run.text, &expected);
            }
        }
        // Lines partition the paragraph.
        prop_assert_eq!(lines[0].logical.start, 0);
        prop_assert_eq!(lines[lines.len() - 1].logical.end, text.len());
        for pair in lines.windows(2) {
            prop_assert_eq!(pair[0].logical.end, pair[1].logical.start);
        }
    }

    /// Each grapheme shows with the tag of the last span containing its first byte, and
    /// untagged graphemes are in untagged runs: styles cover exactly the bytes given.
    #[test]
    fn styles_cover_exactly_their_ranges(
        text in paragraph(false),
        opts in options(),
        raw_spans in prop::collection::vec((0usize..400, 0usize..40, 0u32..4), 0..5),
    ) {
        let opts = LayoutOptions { shaping: false, ..opts };
        let boundary = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) { i -= 1; }
            i
        };
        let spans: Vec<StyleSpan> = raw_spans
            .iter()
            .map(|&(start, len, tag)| StyleSpan {
                range: boundary(start)..boundary(start + len),
                tag,
            })
            .collect();
        let expected_tag = |offset: usize| {
            spans.iter().rev().find(|s| s.range.contains(&offset)).map(|s| s.tag)
        };
        let lines = layout_paragraph(&text, &opts, &spans);
        let runs = all_runs(&lines);
        let mut offset = 0;
        let drawn: Vec<usize> = sanitized_chars(&text, false)
            .filter_map(|(at, c)| c.map(|_| at))
            .collect();
        for cluster in clusters(&text) {
            // A cluster shows with the style of its first char that sanitizing keeps (a ZWJ
            // that joins nothing is dropped, its bytes counted with what comes before).
            let range = offset..offset + cluster.len();
            offset = range.end;
            let Some(&first) = drawn.iter().find(|at| range.contains(at)) else {
                continue;
            };
            let run = runs.iter().find(|r| r.logical.contains(&first));
            match run {
                Some(run) => prop_assert_eq!(run.tag, expected_tag(first), "at {}", first),
                None => prop_assert_eq!(cluster, " ", "only dropped spaces have no run"),
            }
        }
    }
}

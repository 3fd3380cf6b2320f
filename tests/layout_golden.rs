//! Golden tests: akhbar's layout against GNU FriBidi, through the files that
//! `tests/golden/generate.py` wrote with `../shared/tools/fribidi_oracle.py` (see that script
//! for how to regenerate them). Nothing here runs python or FriBidi.
//!
//! Known differences from FriBidi, each normalised by exactly one named test below:
//! * FriBidi leaves a U+FEFF fill character where a ligature swallowed its alef; akhbar never
//!   emits U+FEFF.
//! * FriBidi forms a lam-alef ligature only when lam and alef are adjacent; akhbar also forms
//!   it across harakat (لَا → ﻻ + fatha), which makes the word one cell narrower.
//!
//! Everything else (wrapping, reordering, mirroring, joining forms, alignment) must be equal.

use std::path::Path;

use akhbar::layout::{LayoutOptions, article_is_rtl, layout_paragraph, render_plain};

const WIDTHS: [usize; 5] = [20, 40, 60, 80, 120];
const SETS: [(&str, &str); 2] = [
    ("sample", "assets/samples/putin-harbin.txt"),
    ("cases", "tests/golden/cases.txt"),
];
const FILL: char = '\u{FEFF}';

struct Expected {
    rtl: bool,
    lines: Vec<String>,
}

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn paragraphs(path: &str) -> Vec<String> {
    read(path).lines().map(str::to_owned).collect()
}

/// Parses a golden file: `@@ <index> <rtl|ltr>` headers, each followed by its lines.
fn golden(set: &str, mode: &str, width: usize) -> Vec<Expected> {
    let text = read(&format!("tests/golden/{set}.{mode}.w{width}.txt"));
    let mut out: Vec<Expected> = Vec::new();
    for line in text.lines() {
        if let Some(header) = line.strip_prefix("@@ ") {
            let rtl = header.ends_with(" rtl");
            out.push(Expected {
                rtl,
                lines: Vec::new(),
            });
        } else if let Some(current) = out.last_mut() {
            current.lines.push(line.to_owned());
        }
    }
    out
}

/// Lays out every paragraph of every set in `mode` and compares it with the golden lines
/// after `normalise_oracle`, for the paragraphs `select` keeps. Returns how many paragraphs
/// were compared.
fn compare(
    mode: &str,
    shaping: bool,
    ligatures: bool,
    select: impl Fn(&str) -> bool,
    normalise_oracle: impl Fn(&str, bool) -> String,
) -> usize {
    let mut compared = 0;
    for (set, path) in SETS {
        let paragraphs = paragraphs(path);
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let article_rtl = article_is_rtl(&refs);
        for width in WIDTHS {
            let expected = golden(set, mode, width);
            assert_eq!(
                expected.len(),
                paragraphs.len(),
                "{set}.{mode}.w{width}: stale golden file"
            );
            let opts = LayoutOptions {
                width,
                shaping,
                ligatures,
                article_rtl,
                ..Default::default()
            };
            for (index, (paragraph, expected)) in paragraphs.iter().zip(&expected).enumerate() {
                if !select(paragraph) {
                    continue;
                }
                let lines = layout_paragraph(paragraph, &opts, &[]);
                let got: Vec<String> = lines.iter().map(|l| l.to_plain()).collect();
                let want: Vec<String> = expected
                    .lines
                    .iter()
                    .map(|l| normalise_oracle(l, expected.rtl))
                    .collect();
                let where_ = format!("{set}.{mode}.w{width} paragraph {index}");
                assert!(
                    lines.iter().all(|l| l.rtl == expected.rtl),
                    "{where_}: direction"
                );
                assert_eq!(got, want, "{where_}");
                compared += 1;
            }
        }
    }
    compared
}

fn unchanged(line: &str, _rtl: bool) -> String {
    line.to_owned()
}

fn strip_fill(line: &str, _rtl: bool) -> String {
    line.chars().filter(|&c| c != FILL).collect()
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Whether the logical text has lam, one or more harakat, then an alef lam ligates with.
fn has_lam_mark_alef(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        c == 'ل' && {
            let marks = chars[i + 1..].iter().take_while(|&&m| is_mark(m)).count();
            marks > 0 && matches!(chars.get(i + 1 + marks), Some('ا' | 'أ' | 'إ' | 'آ'))
        }
    })
}

/// FriBidi's visual "alef-final, lam-initial/medial, harakat" (logical lam + harakat + alef,
/// which it does not ligate) → akhbar's "ligature, harakat"; the RTL line gains one space of
/// padding because the ligature is one cell narrower.
fn ligate_lam_mark_alef(line: &str, rtl: bool) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut narrowed = 0;
    let mut i = 0;
    while i < chars.len() {
        let ligature = match (chars[i], chars.get(i + 1), chars.get(i + 2)) {
            (alef, Some(&lam), Some(&mark)) if is_mark(mark) => {
                let base = match alef {
                    '\u{FE82}' => Some(0xFEF5),
                    '\u{FE84}' => Some(0xFEF7),
                    '\u{FE88}' => Some(0xFEF9),
                    '\u{FE8E}' => Some(0xFEFB),
                    _ => None,
                };
                match (base, lam) {
                    (Some(b), '\u{FEDF}') => char::from_u32(b),
                    (Some(b), '\u{FEE0}') => char::from_u32(b + 1),
                    _ => None,
                }
            }
            _ => None,
        };
        match ligature {
            Some(l) => {
                out.push(l);
                narrowed += 1;
                i += 2;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    if rtl && narrowed > 0 {
        out.insert_str(0, &" ".repeat(narrowed));
    }
    out
}

#[test]
fn unshaped_layout_equals_the_oracle_exactly() {
    let n = compare("noshape", false, false, |_| true, unchanged);
    assert_eq!(n, 5 * (18 + 18));
}

#[test]
fn shaped_layout_without_ligatures_equals_the_oracle_exactly() {
    let n = compare("shape", true, false, |_| true, unchanged);
    assert_eq!(n, 5 * (18 + 18));
}

#[test]
fn ligatures_differ_from_the_oracle_only_by_its_fill_chars() {
    let n = compare("liga", true, true, |p| !has_lam_mark_alef(p), strip_fill);
    assert!(n > 100, "{n}");
}

#[test]
fn ligature_across_harakat_is_the_only_other_difference() {
    // Paragraphs where a haraka separates lam and alef; fill chars as established above.
    let n = compare("liga", true, true, has_lam_mark_alef, |line, rtl| {
        ligate_lam_mark_alef(&strip_fill(line, rtl), rtl)
    });
    assert!(n >= 10, "{n}");
}

#[test]
fn render_plain_prints_the_golden_paragraphs_with_blank_lines_between() {
    let paragraphs = paragraphs("assets/samples/putin-harbin.txt");
    let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let opts = LayoutOptions {
        width: 60,
        shaping: false,
        ligatures: false,
        article_rtl: article_is_rtl(&refs),
        ..Default::default()
    };
    let mut out = Vec::new();
    render_plain(refs[0], &refs[1..], &opts, &mut out).expect("writing to a Vec");
    let expected: Vec<String> = golden("sample", "noshape", 60)
        .into_iter()
        .map(|p| p.lines.join("\n") + "\n")
        .collect();
    assert_eq!(String::from_utf8(out).expect("UTF-8"), expected.join("\n"));
}

//! Proptest-based fuzzing of the rooms that read untrusted text: the loader (decode + parse of
//! every format), the layout engine (with styles), the figure extractor and the tokenizer.
//!
//! In the normal suite each target runs a small number of cases. For a long fuzzing run set
//! `AKHBAR_FUZZ_CASES` (and run the targets one or two at a time, in release or with
//! `CARGO_PROFILE_DEV_OPT_LEVEL=2`, under `timeout`):
//!
//! ```sh
//! AKHBAR_FUZZ_CASES=100000000 timeout 660 cargo test --test fuzz_targets -- fuzz_layout
//! ```
//!
//! Being stopped by `timeout` means no failure was found. A failure prints the shrunk input;
//! every crash found becomes a test in `tests/hostile_regressions.rs`.

use akhbar::analyze::figures;
use akhbar::layout::{Direction, LayoutOptions, StyleSpan, layout_paragraph};
use akhbar::load::{self, decode, parse};
use akhbar::model::Format;
use akhbar::text::{self, printable::is_unsafe};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::sync::atomic::{AtomicU64, Ordering};

/// Counts cases and reports every 10,000 on stderr (visible with `--nocapture`), so a long
/// run stopped by `timeout` says how far it got.
fn tick(target: &str, counter: &AtomicU64) {
    let n = counter.fetch_add(1, Ordering::Relaxed) + 1;
    if n.is_multiple_of(10_000) {
        eprintln!("{target}: {n} cases");
    }
}

fn config(default_cases: u32) -> Config {
    let cases = std::env::var("AKHBAR_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        // Long runs: no regression files written by the fuzzing itself; failures are
        // copied into tests/hostile_regressions.rs by hand.
        failure_persistence: None,
        max_shrink_iters: 4096,
        ..Config::default()
    }
}

/// Pieces of hostile and ordinary news text.
const PIECES: &[&str] = &[
    "ب",
    "ل",
    "ا",
    "أ",
    "ة",
    "ي",
    "و",
    "م",
    "ن",
    "ـ",
    "ـــــــ",
    "\u{64B}",
    "\u{650}",
    "\u{651}",
    "\u{652}",
    "\u{670}",
    "\u{6D6}",
    "ال",
    "لا",
    "مليون",
    "مليار",
    "ألف",
    "آلاف",
    "بالمائة",
    "دولار",
    "يورو",
    "نسمة",
    "عام",
    "عشرة",
    "ثلاثة",
    "مئة",
    "نحو",
    "أكثر من",
    "بين",
    "و",
    "إلى",
    "الـ",
    "a",
    "Z",
    "e\u{301}",
    "0",
    "7",
    "12",
    "3.5",
    "1,000",
    "٣",
    "٢٫٥",
    "۴",
    "%",
    "٪",
    "$",
    "€",
    ".",
    ",",
    "،",
    "؟",
    "/",
    "-",
    "+",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "\"",
    "'",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{1b}[2J",
    "\u{1b}[H",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]52;c;SGVsbG8=\u{7}",
    "\u{1b}]8;;http://x\u{1b}\\",
    "\u{1b}P1$r\u{1b}\\",
    "\u{1b}",
    "\u{9b}",
    "\u{90}",
    "\u{9d}",
    "\u{7}",
    "\u{8}",
    "\u{0}",
    "\u{7f}",
    "\u{202a}",
    "\u{202b}",
    "\u{202c}",
    "\u{202d}",
    "\u{202e}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200e}",
    "\u{200f}",
    "\u{61c}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{feff}",
    "\u{fffd}",
    "中文",
    "日本",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "🇸🇦",
    "🇸",
    "❤\u{fe0f}",
    "\u{1F3FD}",
    "ﻻ",
    "ﷲ",
    "\u{fe70}",
    "\u{10ffff}",
    "\u{e000}",
    "\u{d7ff}",
    "{",
    "}",
    ":",
    "<",
    ">",
    "&amp;",
    "#",
    "*",
    "`",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        // Long runs of one piece: deep nesting, mark piles, tatweel, digit strings.
        1 => (proptest::sample::select(PIECES), 1usize..300)
            .prop_map(|(p, n)| p.repeat(n)),
    ]
}

fn hostile_text(max_pieces: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..max_pieces).prop_map(|v| v.concat())
}

fn any_format() -> impl Strategy<Value = Format> {
    prop_oneof![
        Just(Format::Txt),
        Just(Format::Md),
        Just(Format::Json),
        Just(Format::Html)
    ]
}

/// Text wrapped in a format's skeleton, so the parsers get past their first checks.
fn document() -> impl Strategy<Value = (Format, String)> {
    (
        any_format(),
        hostile_text(60),
        hostile_text(200),
        any::<u8>(),
    )
        .prop_map(|(format, title, body, shape)| {
            let text = match (format, shape % 4) {
                (_, 0) => format!("{title}\n{body}"),
                (Format::Json, 1) => serde_json::json!({"title": title, "body": body}).to_string(),
                (Format::Json, 2) => {
                    let paragraphs: Vec<&str> = body.split('\n').collect();
                    serde_json::json!([{"title": title, "body": paragraphs, "date": body}])
                        .to_string()
                }
                (Format::Json, _) => format!(r#"{{"title":"{title}","body":[{body}]}}"#),
                (Format::Html, 1) => format!(
                    "<html><head><title>{title}</title><meta property=\"og:title\" content=\"{title}\"></head><body><article><p>{body}</p><script>{body}</script><p>{title}</article>"
                ),
                (Format::Html, _) => format!("<div><h1>{title}<p>{body}<div><p>{title}</td>"),
                (Format::Md, 1) => format!("---\ndate: {title}\nsource: {body}\n---\n# {title}\n\n{body}\n"),
                (Format::Md, _) => format!("# {title}\n\n<script>{body}</script>\n\n[{title}]({body})\n\n> {body}\n"),
                (Format::Txt, _) => format!("\n\n{title}\n\n{body}\n\n{body}"),
            };
            (format, text)
        })
}

const MARKER: &str = "QZXJMARK";

fn check_parsed(result: &Result<Vec<parse::Parsed>, String>) {
    match result {
        Ok(articles) => {
            assert!(!articles.is_empty(), "Ok with no article");
        }
        Err(reason) => {
            assert!(
                !reason.contains(MARKER),
                "reason echoes the input: {reason}"
            );
            assert!(!reason.is_empty());
        }
    }
}

#[test]
fn fuzz_loader() {
    static CASES: AtomicU64 = AtomicU64::new(0);
    let mut runner = proptest::test_runner::TestRunner::new(config(48));
    let strategy = prop_oneof![
        // Raw bytes, named as each format.
        2 => (any_format(), proptest::collection::vec(any::<u8>(), 0..2000))
            .prop_map(|(f, b)| (f, b, false)),
        // Hostile text inside a format's skeleton, sometimes in UTF-16 or with broken bytes.
        5 => (document(), any::<u8>()).prop_map(|((f, text), how)| {
            let text = format!("{text}{MARKER}");
            let bytes = match how % 5 {
                0 => {
                    let mut b = vec![0xFF, 0xFE];
                    for unit in text.encode_utf16() {
                        b.extend_from_slice(&unit.to_le_bytes());
                    }
                    b
                }
                1 => {
                    let mut b = text.into_bytes();
                    let at = usize::from(how) % (b.len() + 1);
                    b.insert(at, 0xC3);
                    b
                }
                2 => {
                    let (b, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
                    b.into_owned()
                }
                _ => text.into_bytes(),
            };
            (f, bytes, true)
        }),
    ];
    runner
        .run(&strategy, |(format, bytes, _)| {
            tick("loader", &CASES);
            let decoded = decode::decode(&bytes);
            let parsed = parse::parse(format, &decoded.text);
            check_parsed(&parsed);
            let ext = match format {
                Format::Txt => "txt",
                Format::Md => "md",
                Format::Json => "json",
                Format::Html => "html",
            };
            let path = std::path::PathBuf::from(format!("fuzz.{ext}"));
            if let Ok(articles) = load::load_bytes(&path, &bytes, false) {
                for article in &articles {
                    assert!(!article.title.trim().is_empty() || format == Format::Md);
                    let _ = article.text();
                }
            }
            Ok(())
        })
        .expect("loader fuzzing");
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        0usize..120,
        any::<bool>(),
        any::<bool>(),
        0u8..3,
        any::<bool>(),
    )
        .prop_map(
            |(width, shaping, ligatures, direction, article_rtl)| LayoutOptions {
                width,
                shaping,
                ligatures,
                direction: match direction {
                    0 => Direction::Auto,
                    1 => Direction::Rtl,
                    _ => Direction::Ltr,
                },
                article_rtl,
            },
        )
}

#[test]
fn fuzz_layout() {
    static CASES: AtomicU64 = AtomicU64::new(0);
    let mut runner = proptest::test_runner::TestRunner::new(config(48));
    let strategy = (
        hostile_text(200),
        options(),
        proptest::collection::vec((0usize..4000, 0usize..4000, 0u32..8), 0..12),
    );
    runner
        .run(&strategy, |(text, opts, spans)| {
            tick("layout", &CASES);
            // Arbitrary byte ranges: out of bounds, empty, reversed, not on char boundaries.
            let styles: Vec<StyleSpan> = spans
                .into_iter()
                .map(|(a, b, tag)| StyleSpan { range: a..b, tag })
                .collect();
            let lines = layout_paragraph(&text, &opts, &styles);
            assert!(!lines.is_empty());
            let width = opts.width.max(1);
            for line in &lines {
                let plain = line.to_plain();
                assert!(
                    !plain.chars().any(|c| is_unsafe(c) || c == '\u{feff}'),
                    "unsafe character in {plain:?}"
                );
                let cells: usize = line.runs.iter().map(|r| r.width).sum();
                assert_eq!(cells, line.width);
                assert!(line.logical.end <= text.len());
                if line.width > width {
                    // Only a single cluster wider than the width may overflow.
                    let clusters: usize = line
                        .runs
                        .iter()
                        .map(|r| {
                            unicode_segmentation::UnicodeSegmentation::graphemes(
                                r.text.as_str(),
                                true,
                            )
                            .count()
                        })
                        .sum();
                    assert!(clusters <= 2, "line of {} cells > {width}", line.width);
                }
                for run in &line.runs {
                    assert!(run.logical.start <= run.logical.end);
                    assert!(run.logical.end <= text.len());
                    assert!(text.is_char_boundary(run.logical.start));
                    assert!(text.is_char_boundary(run.logical.end));
                    let _ = line.columns_of(run.logical.clone());
                }
            }
            Ok(())
        })
        .expect("layout fuzzing");
}

#[test]
fn fuzz_figures() {
    static CASES: AtomicU64 = AtomicU64::new(0);
    let mut runner = proptest::test_runner::TestRunner::new(config(48));
    let strategy = (hostile_text(200), proptest::option::of(-5000i32..5000));
    runner
        .run(&strategy, |(text, year)| {
            tick("figures", &CASES);
            let found = figures::extract(&text, year, &[]);
            let mut last = 0;
            for figure in &found {
                assert!(figure.range.start >= last, "figures out of order");
                last = figure.range.start;
                assert!(
                    text.get(figure.range.clone()).is_some(),
                    "figure range {:?} not in the text",
                    figure.range
                );
            }
            let _ = figures::key_figures(&found);
            Ok(())
        })
        .expect("figures fuzzing");
}

#[test]
fn fuzz_tokenizer() {
    static CASES: AtomicU64 = AtomicU64::new(0);
    let mut runner = proptest::test_runner::TestRunner::new(config(64));
    runner
        .run(&hostile_text(300), |text| {
            tick("tokenizer", &CASES);
            let tokens = text::tokenize(&text);
            let mut end = 0;
            for token in &tokens {
                assert!(token.range.start >= end, "tokens overlap");
                assert!(token.range.start < token.range.end, "empty token");
                assert_eq!(text.get(token.range.clone()), Some(token.text));
                end = token.range.end;
                let split = text::split_proclitics(token.text);
                assert!(split.surface_start <= token.text.len());
                let _ = text::tokenize::proclitic_splits(token.text);
                let _ = text::normalize(token.text);
            }
            Ok(())
        })
        .expect("tokenizer fuzzing");
}

//! Every crash or hang the hostile-input tests and the fuzzers found, as a small test.

mod support;

use std::time::Duration;

use akhbar::layout::{LayoutOptions, layout_paragraph};
use support::within;

/// Wrapping re-measured a whole overlong word for every line it was hard-split into:
/// quadratic, so a 200,000-character line without spaces at width 1 never finished.
#[test]
fn a_long_word_at_width_one_is_linear() {
    let word = "بتثجحخ".repeat(200_000 / 6);
    let lines = within(
        "layout of a 200,000-letter word",
        Duration::from_secs(60),
        move || {
            let opts = LayoutOptions {
                width: 1,
                ..LayoutOptions::default()
            };
            layout_paragraph(&word, &opts, &[]).len()
        },
    );
    assert_eq!(lines, 200_000 / 6 * 6);
}

/// The NER's document feature multiplied a u16 count by 4: "attempt to multiply with
/// overflow" (a panic in debug builds, a wrong feature in release) once a word occurs more
/// than 16,383 times in an article.
#[test]
fn ner_survives_a_word_repeated_seventeen_thousand_times() {
    let entities = within("entities", Duration::from_secs(120), || {
        let recognizer =
            akhbar::analyze::entities::Recognizer::load_default().expect("the NER model");
        let text = "بوتين ".repeat(17_000);
        recognizer.entities(&text).len()
    });
    assert!(entities > 0);
}

/// Each figure looked for its year among every year of the article, and for its entities
/// among every mention: an article of 50,000 sentences run together (no full stop), each
/// with an amount, a percentage and a year, ran for minutes. Both are now found by position.
#[test]
fn figures_of_one_endless_sentence_are_linear() {
    use akhbar::analyze::figures::{EntityRef, extract};
    let sentence = "بلغ حجم التجارة مع الصين 5 مليارات دولار بنسبة 20% في عام 2023 و ";
    let text = format!("عنوان\n{}", sentence.repeat(20_000));
    let china: Vec<std::ops::Range<usize>> = text
        .match_indices("الصين")
        .map(|(i, m)| i..i + m.len())
        .collect();
    let figures = within("figures", Duration::from_secs(120), move || {
        let entities: Vec<EntityRef> = china
            .into_iter()
            .enumerate()
            .map(|(i, range)| EntityRef {
                range,
                // Thousands of names in the one sentence: each figure keeps the first few.
                name: if i % 2 == 0 { "الصين" } else { "بكين" },
            })
            .collect();
        let figures = extract(&text, None, &entities);
        let years: Vec<Option<i32>> = figures.iter().map(|f| f.year).collect();
        let names = figures.first().map(|f| f.entities.clone());
        (figures.len(), years, names)
    });
    let (count, years, names) = figures;
    assert!(count >= 40_000, "{count} figures");
    assert!(years.iter().all(|y| *y == Some(2023)));
    assert_eq!(names, Some(vec!["الصين".to_string(), "بكين".to_string()]));
}

/// Each character looked for its highlight among all of the paragraph's highlights: the
/// reader froze on a 3 MB paragraph naming 40,000 people. One sweep now.
#[test]
fn a_paragraph_with_tens_of_thousands_of_highlights_is_linear() {
    use akhbar::layout::StyleSpan;
    let text = "قال الرئيس بوتين في هاربين ".repeat(20_000);
    let styles: Vec<StyleSpan> = text
        .match_indices("بوتين")
        .map(|(i, m)| StyleSpan {
            range: i..i + m.len(),
            tag: 1,
        })
        .collect();
    let opts = LayoutOptions {
        width: 80,
        ..LayoutOptions::default()
    };
    let tagged = within("layout", Duration::from_secs(120), move || {
        let lines = layout_paragraph(&text, &opts, &styles);
        lines
            .iter()
            .flat_map(|l| &l.runs)
            .filter(|r| r.tag == Some(1))
            .count()
    });
    assert_eq!(tagged, 20_000);
}

/// FTS5's time grows with the square of the number of query terms: a pasted 5,000-word
/// query matching an article ran for many minutes. Queries are now limited in words.
#[test]
fn a_query_of_thousands_of_words_is_refused() {
    let error = akhbar::store::parse_query(&"كلمة ".repeat(5_000)).expect_err("refused");
    assert!(error.to_string().contains("too long"), "{error}");
    let phrase = format!("\"{}\"", "كلمة ".repeat(100));
    assert!(akhbar::store::parse_query(&phrase).is_err());
    assert!(akhbar::store::parse_query("بوتين هاربين \"عشرة ملايين\"").is_ok());
}

/// The HTML parser looked up every element's ancestors (is it inside a script, a nav, another
/// block?): quadratic in the nesting depth, 4 s for 5,000 nested `<div>`s in a debug build.
/// html5ever's own tree building is quadratic in the depth too (3 s for 40,000 levels, hours
/// for a 16 MiB file of `<div>`s), so pages nested deeper than `MAX_HTML_DEPTH` are refused
/// with a reason before parsing.
#[test]
fn deeply_nested_html_is_linear() {
    let depth = akhbar::load::html::MAX_HTML_DEPTH - 10;
    for (open, close) in [
        ("<div>", "</div>"),
        ("<blockquote>", ""),
        ("<nav><div>", ""),
    ] {
        let reps = depth / open.matches('<').count();
        let page = format!(
            "<title>عميق</title>{}<p>{}</p>{}<p>نص</p>",
            open.repeat(reps),
            support::ARABIC,
            close.repeat(reps)
        );
        let parsed = within("nested HTML", Duration::from_secs(60), move || {
            akhbar::load::html::parse_html(&page)
        });
        let parsed = parsed.expect("a title");
        assert_eq!(parsed.title, "عميق");
        if open != "<nav><div>" {
            assert!(
                parsed.paragraphs.iter().any(|p| p.contains("هاربين")),
                "{open}: {:?}",
                parsed.paragraphs
            );
        }
    }
}

#[test]
fn html_nested_too_deeply_is_refused_quickly_with_a_reason() {
    // 16 MiB of nested <div>s: html5ever would take hours.
    let page = "<div>".repeat(16 * 1024 * 1024 / 5);
    let err = within("very deep HTML", Duration::from_secs(60), move || {
        akhbar::load::html::parse_html(&page)
    });
    let err = err.err().unwrap_or_default();
    assert!(err.contains("nested") && err.contains("deep"), "{err}");
}

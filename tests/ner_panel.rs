//! The entity panel on real news: three sets of 30 Jawhara FM articles annotated by readers
//! who never saw akhbar's output (`tests/data/entities/jawhara30.tsv`, `jawhara30b.tsv` and
//! `jawhara30c.tsv`, see their headers; a `# names nothing:` line lists the articles drawn
//! that name nothing, where every entity the panel shows counts against it). Needs
//! `../shared/data/news-jawharafm/articles`, as `ner_dev.rs` needs ANERcorp.
//!
//! An entity of the panel matches an annotated one of the same article and type when their
//! names, normalized, are equal (strict) or one is the other with words added before or
//! after (lenient: the panel's `نداء تونس` for the reader's `حركة نداء تونس`).

use std::collections::BTreeMap;
use std::path::Path;

use akhbar::analyze::entities::Recognizer;
use akhbar::load::load_file;
use akhbar::text::normalize_name;

const ARTICLES: &str = "../shared/data/news-jawharafm/articles";

type Named = (String, String);

fn key(name: &str) -> String {
    let bare: String = name
        .chars()
        .filter(|c| !matches!(c, '"' | '«' | '»' | '“' | '”' | '(' | ')'))
        .collect();
    normalize_name(&bare)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn matches(a: &Named, b: &Named, lenient: bool) -> bool {
    let (x, y) = (format!(" {} ", a.1), format!(" {} ", b.1));
    a.0 == b.0 && (a.1 == b.1 || lenient && (x.contains(&y) || y.contains(&x)))
}

/// Recall and precision over all articles.
fn score(
    gold: &BTreeMap<String, Vec<Named>>,
    panel: &BTreeMap<String, Vec<Named>>,
    lenient: bool,
) -> (f64, f64) {
    let (mut found, mut total, mut right, mut shown) = (0, 0, 0, 0);
    for (article, want) in gold {
        let got = panel.get(article).map_or(&[][..], Vec::as_slice);
        total += want.len();
        shown += got.len();
        found += want
            .iter()
            .filter(|g| got.iter().any(|p| matches(g, p, lenient)))
            .count();
        right += got
            .iter()
            .filter(|p| want.iter().any(|g| matches(g, p, lenient)))
            .count();
    }
    (
        found as f64 / total.max(1) as f64,
        right as f64 / shown.max(1) as f64,
    )
}

/// Strict and lenient F1 of the panel on the articles annotated in `gold` (a tsv file as
/// described in its header), printed with recall and precision.
fn panel_f1(gold_tsv: &str, articles: usize) -> (f64, f64) {
    let mut gold: BTreeMap<String, Vec<Named>> = BTreeMap::new();
    // Articles drawn that name nothing: whatever the panel shows for them is wrong.
    for line in gold_tsv.lines() {
        if let Some(files) = line.strip_prefix("# names nothing:") {
            for file in files.split_whitespace() {
                gold.insert(file.to_string(), Vec::new());
            }
        }
    }
    for line in gold_tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad line {line:?}");
        gold.entry(cols[0].to_string())
            .or_default()
            .push((cols[1].to_string(), key(cols[2])));
    }
    assert_eq!(gold.len(), articles);
    let recognizer = match Recognizer::load_default() {
        Ok(r) => r,
        Err(e) => panic!("the embedded model loads: {e:#}"),
    };
    let mut panel: BTreeMap<String, Vec<Named>> = BTreeMap::new();
    for name in gold.keys() {
        let path = Path::new(ARTICLES).join(name);
        let articles = match load_file(&path) {
            Ok(a) => a,
            Err(e) => panic!("{} is needed for this test: {e}", path.display()),
        };
        let entities = articles.iter().flat_map(|a| recognizer.entities(&a.text()));
        let named = entities.map(|e| (e.kind.code().to_string(), key(&e.name)));
        panel.insert(name.clone(), named.collect());
    }
    let f1 = |(r, p): (f64, f64)| {
        println!("recall {r:.3} precision {p:.3}");
        2.0 * r * p / (r + p).max(f64::EPSILON)
    };
    let strict = f1(score(&gold, &panel, false));
    let lenient = f1(score(&gold, &panel, true));
    println!("strict F1 {strict:.3}, lenient F1 {lenient:.3}");
    (strict, lenient)
}

#[test]
fn panel_on_annotated_real_news() {
    let (_, lenient) = panel_f1(include_str!("data/entities/jawhara30.tsv"), 30);
    // Measured 0.830 at the end of the 15th session (0.725 at the start of the 13th, 0.760
    // at its end, 0.816 at the end of the 14th; the 14th's panel-only names were written
    // after reading its misses); a floor, not the aim.
    assert!(lenient >= 0.76, "lenient F1 {lenient:.3}");
}

#[test]
fn panel_on_a_second_annotated_set() {
    // Never read to choose a rule: 0.797 before the 14th session's rules, 0.815 after; 0.818
    // at the end of the 15th (counting the article that names nothing).
    let (_, lenient) = panel_f1(include_str!("data/entities/jawhara30b.tsv"), 30);
    assert!(lenient >= 0.78, "lenient F1 {lenient:.3}");
}

#[test]
fn panel_on_a_third_annotated_set() {
    // Annotated in the 15th session after the 14th's rules, never read to choose one: 0.759
    // before the 15th session's rules, 0.760 after.
    let (_, lenient) = panel_f1(include_str!("data/entities/jawhara30c.tsv"), 30);
    assert!(lenient >= 0.72, "lenient F1 {lenient:.3}");
}

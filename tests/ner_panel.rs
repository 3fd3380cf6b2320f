//! The entity panel on real news: 30 Jawhara FM articles annotated by a reader who never saw
//! akhbar's output (`tests/data/entities/jawhara30.tsv`, see its header). Needs
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

const GOLD: &str = include_str!("data/entities/jawhara30.tsv");
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

#[test]
fn panel_on_annotated_real_news() {
    let mut gold: BTreeMap<String, Vec<Named>> = BTreeMap::new();
    for line in GOLD
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad line {line:?}");
        gold.entry(cols[0].to_string())
            .or_default()
            .push((cols[1].to_string(), key(cols[2])));
    }
    assert_eq!(gold.len(), 30);
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
    let (strict_r, strict_p) = score(&gold, &panel, false);
    let (r, p) = score(&gold, &panel, true);
    let f1 = |r: f64, p: f64| 2.0 * r * p / (r + p).max(f64::EPSILON);
    println!(
        "strict: recall {strict_r:.3} precision {strict_p:.3} F1 {:.3}",
        f1(strict_r, strict_p)
    );
    println!("lenient: recall {r:.3} precision {p:.3} F1 {:.3}", f1(r, p));
    // Measured 0.760 when written (0.725 at the start of the 13th session); a floor, not
    // the aim.
    assert!(f1(r, p) >= 0.74, "lenient F1 {:.3}", f1(r, p));
}

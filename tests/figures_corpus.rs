//! Runs the extractor over real articles from `../shared/data` (skipped when absent): no panic,
//! offsets on char boundaries, `text` equal to the slice it claims.
//!
//! `FIGURES_DUMP=1 cargo test --release --test figures_corpus -- --nocapture` prints statistics
//! and 20 random key figures for a hand check.

use std::path::{Path, PathBuf};

use akhbar::analyze::figures::{FigureKind, extract, key_figures};

const CORPUS: &str = "../shared/data/news-jawharafm/articles";

fn corpus_files(step: usize) -> Vec<PathBuf> {
    let Ok(dir) = std::fs::read_dir(Path::new(CORPUS)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths.into_iter().step_by(step).collect()
}

/// Year from a Jawhara file name such as `JA-economy-293-20170531.txt`.
fn year_of(path: &Path) -> Option<i32> {
    let stem = path.file_stem()?.to_str()?;
    let tail = stem.rsplit('-').next()?;
    let plausible = |s: String| s.parse().ok().filter(|y| (1990..2100).contains(y));
    // yyyymmdd, or ddmmyyyy in some file names.
    plausible(tail.chars().take(4).collect())
        .or_else(|| plausible(tail.chars().skip(4).take(4).collect()))
}

#[test]
fn real_articles_do_not_panic_and_offsets_are_valid() {
    let dump = std::env::var_os("FIGURES_DUMP").is_some();
    let files = corpus_files(if dump { 1 } else { 8 });
    if files.is_empty() {
        eprintln!("corpus not found at {CORPUS}; skipped");
        return;
    }
    let mut articles = 0usize;
    let mut total = 0usize;
    let mut keys = 0usize;
    let mut per_kind = std::collections::BTreeMap::new();
    let mut sample_keys = Vec::new();
    // FIGURES_SEED picks another sample of articles for the hand check.
    let seed = std::env::var("FIGURES_SEED")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(7)
        % 23;
    for (n, path) in files.iter().enumerate() {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        articles += 1;
        let figs = extract(&text, year_of(path), &[]);
        for f in &figs {
            assert!(text.is_char_boundary(f.range.start), "{path:?} {f:?}");
            assert!(text.is_char_boundary(f.range.end), "{path:?} {f:?}");
            assert!(f.range.start < f.range.end, "{path:?} {f:?}");
            assert_eq!(&text[f.range.clone()], f.text, "{path:?}");
            assert!(f.value.is_finite(), "{path:?} {f:?}");
            *per_kind.entry(f.kind.name()).or_insert(0usize) += 1;
        }
        if let Some(show) = std::env::var_os("FIGURES_SHOW") {
            let show = show.to_string_lossy().to_string();
            if path.to_string_lossy().contains(&show) {
                for f in &figs {
                    println!(
                        "{:<30} {:>10e} {:>8e} {:<8} {:<10} q={:<12} label={:<20} y={:?} s={} k={}",
                        f.text,
                        f.value,
                        f.value_max.unwrap_or(0.0),
                        f.unit.as_deref().unwrap_or("-"),
                        f.kind.name(),
                        f.qualifier.as_deref().unwrap_or("-"),
                        f.label.as_deref().unwrap_or("-"),
                        f.year,
                        f.score,
                        f.key
                    );
                }
            }
        }
        if let Some(every) = std::env::var("FIGURES_EVERY")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
        {
            for (k, f) in figs.iter().enumerate() {
                if (total + k).is_multiple_of(every.max(1)) {
                    let from = text.floor_char_boundary(f.range.start.saturating_sub(70));
                    let to = text.ceil_char_boundary((f.range.end + 40).min(text.len()));
                    println!(
                        "{} | {:e} {:?} {} {} | {}",
                        f.text,
                        f.value,
                        f.value_max,
                        f.unit.as_deref().unwrap_or("-"),
                        f.kind.name(),
                        text[from..to].replace('\n', " ⏎ ")
                    );
                }
            }
        }
        total += figs.len();
        let k = key_figures(&figs);
        keys += k.len();
        if dump
            && n % 23 == seed
            && let Some(f) = k.first()
        {
            let from = text.floor_char_boundary(f.range.start.saturating_sub(220));
            let to = text.ceil_char_boundary((f.range.end + 120).min(text.len()));
            let line = text[from..to].replace('\n', " ⏎ ");
            sample_keys.push(format!(
                "{:?} | {} | {:e} {} {} | label={:?} year={:?}\n    {}",
                path.file_name(),
                f.text,
                f.value,
                f.unit.as_deref().unwrap_or("-"),
                f.kind.name(),
                f.label,
                f.year,
                line
            ));
        }
    }
    println!(
        "{articles} articles, {total} figures ({:.1}/article), {keys} key ({:.2}/article)",
        total as f64 / articles.max(1) as f64,
        keys as f64 / articles.max(1) as f64
    );
    println!("by kind: {per_kind:?}");
    for s in sample_keys.iter().take(25) {
        println!("{s}");
    }
    assert!(per_kind.contains_key(FigureKind::Money.name()));
}

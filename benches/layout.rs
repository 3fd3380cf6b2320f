//! Layout speed: the sample article at width 80, and the whole jawharafm corpus when
//! `../shared/data/news-jawharafm/articles` is present (skipped otherwise).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use akhbar::layout::{LayoutOptions, Layouter, StyleSpan, article_is_rtl, render_plain};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SAMPLE: &str = include_str!("../assets/samples/putin-harbin.txt");
const CORPUS: &str = "../shared/data/news-jawharafm/articles";

fn options(paragraphs: &[&str]) -> LayoutOptions {
    LayoutOptions {
        width: 80,
        article_rtl: article_is_rtl(paragraphs),
        ..Default::default()
    }
}

fn sample(c: &mut Criterion) {
    let paragraphs: Vec<&str> = SAMPLE.lines().collect();
    let opts = options(&paragraphs);
    let mut group = c.benchmark_group("layout");
    group.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    group.bench_function("sample_shaped_w80", |b| {
        let mut layouter = Layouter::new();
        b.iter(|| {
            for p in &paragraphs {
                black_box(layouter.layout(black_box(p), &opts, &[]));
            }
        })
    });
    // As the reader lays it out at its busiest: every word highlighted (four kinds, cycling)
    // over a highlight of the whole paragraph.
    let styled: Vec<Vec<StyleSpan>> = paragraphs.iter().map(|p| every_word(p)).collect();
    group.bench_function("sample_highlighted_w80", |b| {
        let mut layouter = Layouter::new();
        b.iter(|| {
            for (p, styles) in paragraphs.iter().zip(&styled) {
                black_box(layouter.layout(black_box(p), &opts, styles));
            }
        })
    });
    group.finish();
}

fn every_word(paragraph: &str) -> Vec<StyleSpan> {
    let mut spans = vec![StyleSpan {
        range: 0..paragraph.len(),
        tag: 0,
    }];
    let mut start = 0;
    for (i, word) in paragraph.split(' ').enumerate() {
        spans.push(StyleSpan {
            range: start..start + word.len(),
            tag: 1 + (i % 4) as u32,
        });
        start += word.len() + 1;
    }
    spans
}

/// Every `.txt` article of the corpus, or `None` when the folder is absent.
fn corpus() -> Option<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    Some(
        paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect(),
    )
}

fn whole_corpus(c: &mut Criterion) {
    let Some(articles) = corpus() else {
        eprintln!("{CORPUS} not found: skipping the corpus benchmark");
        return;
    };
    let bytes: usize = articles.iter().map(String::len).sum();
    let mut group = c.benchmark_group("layout");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus_render_plain_w80", |b| {
        b.iter(|| {
            for article in &articles {
                let paragraphs: Vec<&str> = article.lines().collect();
                let (title, body) = paragraphs
                    .split_first()
                    .map_or(("", &[][..]), |(t, b)| (*t, b));
                let opts = options(&paragraphs);
                render_plain(title, body, &opts, &mut std::io::sink()).ok();
            }
        })
    });
    group.finish();
}

criterion_group!(benches, sample, whole_corpus);
criterion_main!(benches);

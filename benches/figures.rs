//! Throughput of the key-figure extractor on the sample article and, when present, a few MB of
//! the real corpus (`../shared/data/news-jawharafm/articles`).

use std::hint::black_box;
use std::path::Path;

use akhbar::analyze::figures::extract;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SAMPLE: &str = include_str!("../assets/samples/putin-harbin.txt");
const CORPUS: &str = "../shared/data/news-jawharafm/articles";
const CORPUS_BYTES: usize = 4 * 1024 * 1024;

fn corpus_sample() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(Path::new(CORPUS)) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut out = Vec::new();
    let mut total = 0;
    for p in paths {
        if total >= CORPUS_BYTES {
            break;
        }
        if let Ok(t) = std::fs::read_to_string(&p) {
            total += t.len();
            out.push(t);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("figures");
    g.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    g.bench_function("sample", |b| {
        b.iter(|| extract(black_box(SAMPLE), Some(2024), &[]))
    });
    let corpus = corpus_sample();
    if !corpus.is_empty() {
        let bytes: usize = corpus.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.bench_function("corpus", |b| {
            b.iter(|| {
                corpus
                    .iter()
                    .map(|t| extract(black_box(t), None, &[]).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

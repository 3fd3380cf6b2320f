//! NER throughput (tokens per second) and model load time.

use std::hint::black_box;

use akhbar::analyze::entities::Recognizer;
use akhbar::text::tokenize;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SAMPLE: &str = include_str!("../assets/samples/putin-harbin.txt");

fn bench(c: &mut Criterion) {
    let rec = match Recognizer::load_default() {
        Ok(r) => r,
        Err(e) => panic!("model loads: {e:#}"),
    };
    let tokens = tokenize(SAMPLE);
    let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("tag_tokens (sample article as one sequence)", |b| {
        b.iter(|| rec.tag_tokens(black_box(&words)))
    });
    group.bench_function("entities (sample article)", |b| {
        b.iter(|| rec.entities(black_box(SAMPLE)))
    });
    group.finish();
    let mut load = c.benchmark_group("ner-load");
    load.sample_size(10);
    load.bench_function("load_default", |b| b.iter(Recognizer::load_default));
    load.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

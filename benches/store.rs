//! Search latency on the real corpus (`../shared/data/news-jawharafm`, or the folder in
//! `AKHBAR_BENCH_CORPUS`); falls back to a generated folder when neither exists. The index is
//! built once into a temporary data dir before measuring.

use std::path::{Path, PathBuf};

use akhbar::store::{Store, parse_query};
use criterion::{Criterion, criterion_group, criterion_main};

const QUERIES: &[&str] = &[
    "تونس",
    "الحكومة ",
    "أيام قرطاج المسرحية",
    "الانتخابات date:2014..2015",
    "\"مجلس نواب الشعب\"",
    "source:jawhara date:2016",
];

fn corpus(scratch: &Path) -> PathBuf {
    let configured = std::env::var_os("AKHBAR_BENCH_CORPUS").map(PathBuf::from);
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news-jawharafm");
    match configured.or_else(|| shared.is_dir().then_some(shared)) {
        Some(dir) => dir,
        None => generated(scratch),
    }
}

/// 2,000 small articles written for the benchmark when no corpus is around.
fn generated(scratch: &Path) -> PathBuf {
    let dir = scratch.join("generated");
    let words = [
        "تونس",
        "الحكومة",
        "مهرجان",
        "قرطاج",
        "الانتخابات",
        "مجلس",
        "نواب",
        "الشعب",
    ];
    std::fs::create_dir_all(&dir).expect("scratch folder");
    for i in 0..2000usize {
        let body: Vec<&str> = (0..200)
            .map(|j| words[(i * 7 + j * 3) % words.len()])
            .collect();
        let text = format!("خبر {i}\n{}\n", body.join(" "));
        std::fs::write(dir.join(format!("{i}.txt")), text).expect("scratch file");
    }
    dir
}

fn bench(c: &mut Criterion) {
    let scratch = tempfile::tempdir().expect("temp dir");
    let folder = corpus(scratch.path());
    let data = scratch.path().join("data");
    let mut store = Store::open_in(&data).expect("store");
    store.index_folder(&folder, |_| {}).expect("index");
    let mut group = c.benchmark_group("search");
    for q in QUERIES {
        let query = parse_query(q).expect("query");
        group.bench_function(*q, |b| {
            b.iter(|| store.search(&folder, &query, 50).expect("search"))
        });
    }
    group.finish();
    c.bench_function("reopen_list", |b| {
        b.iter(|| {
            let store = Store::open_in(&data).expect("store");
            let mut entries = store.entries(&folder).expect("entries");
            akhbar::store::sort_entries(&mut entries);
            entries.len()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);

//! Measures the store on a real corpus: cold index, re-open (list ready, and full check),
//! search latency, peak memory. With `--copies N` it first builds a folder of N copies of
//! the corpus (hard links, or copies across file systems) under `--work`.
//!
//! ```text
//! cargo run --release --example store_scale -- [--corpus DIR] [--copies N] [--work DIR]
//! /usr/bin/time -v target/release/examples/store_scale --copies 11
//! ```
//! Never writes into the corpus; the database goes into a fresh temporary data dir.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use akhbar::store::{IndexEvent, Store, parse_query};

const QUERIES: &[&str] = &[
    "تونس",
    "الحكومة",
    "أيام قرطاج المسرحية",
    "الانتخابات date:2014..2015",
    "\"مجلس نواب الشعب\"",
    "اقتصا",
    "ال",
    "الح",
    "وز",
    "في",
];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let corpus =
        PathBuf::from(arg("--corpus").unwrap_or_else(|| "../shared/data/news-jawharafm".into()));
    let copies: usize = arg("--copies").map_or(Ok(1), |c| c.parse())?;
    let work = tempfile::tempdir()?;
    let work_dir = arg("--work").map_or_else(|| work.path().to_owned(), PathBuf::from);
    let folder = if copies <= 1 {
        corpus.clone()
    } else {
        build_copies(&corpus, copies, &work_dir.join("folder"))?
    };
    let data = work_dir.join("data");
    std::fs::create_dir_all(&data)?;

    let cold = cold_index(&data, &folder)?;
    let (list_ready, full_check, entries) = reopen(&data, &folder)?;
    let search = search_medians(&data, &folder)?;
    println!("folder            {}", folder.display());
    println!("articles          {}", cold.1);
    println!("cold index        {:.2} s", cold.0.as_secs_f64());
    println!(
        "re-open: list     {:.0} ms ({entries} entries)",
        ms(list_ready)
    );
    println!("re-open: checked  {:.0} ms", ms(full_check));
    for (q, d, n) in &search {
        println!("search {q:<32} median {:.1} ms ({n} hits)", ms(*d));
    }
    println!("peak memory       {} MB", peak_rss_kb() / 1024);
    println!("database size     {} MB", dir_size(&data) / (1024 * 1024));
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn cold_index(data: &Path, folder: &Path) -> anyhow::Result<(Duration, usize)> {
    let start = Instant::now();
    let mut store = Store::open_in(data)?;
    let summary = store.index_folder(folder, |_| {})?;
    Ok((start.elapsed(), summary.articles))
}

/// Time until the cached list is ready (what the UI shows), and until the disk check is done.
fn reopen(data: &Path, folder: &Path) -> anyhow::Result<(Duration, Duration, usize)> {
    {
        let t = Instant::now();
        let store = Store::open_in(data)?;
        let opened = t.elapsed();
        let mut list = store.entries(folder)?;
        let queried = t.elapsed();
        akhbar::store::sort_entries(&mut list);
        println!(
            "  (open {:.0} ms, entries {:.0} ms, sort {:.0} ms)",
            ms(opened),
            ms(queried - opened),
            ms(t.elapsed() - queried)
        );
    }
    let start = Instant::now();
    let mut store = Store::open_in(data)?;
    let mut list_ready = Duration::ZERO;
    let mut entries = 0;
    store.index_folder(folder, |event| {
        if let IndexEvent::Cached(list) = event {
            let mut list = list;
            akhbar::store::sort_entries(&mut list);
            list_ready = start.elapsed();
            entries = list.len();
        }
    })?;
    Ok((list_ready, start.elapsed(), entries))
}

fn search_medians(data: &Path, folder: &Path) -> anyhow::Result<Vec<(String, Duration, usize)>> {
    let store = Store::open_in(data)?;
    let mut out = Vec::new();
    for q in QUERIES {
        let query = parse_query(q)?;
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..15 {
            let start = Instant::now();
            n = store.search(folder, &query, 50)?.hits.len();
            times.push(start.elapsed());
        }
        times.sort();
        out.push((q.to_string(), times[times.len() / 2], n));
    }
    Ok(out)
}

/// `folder/copyK/<corpus tree>` for K in 1..=copies, hard-linked when possible.
fn build_copies(corpus: &Path, copies: usize, folder: &Path) -> anyhow::Result<PathBuf> {
    for k in 1..=copies {
        for sub in ["articles", "json"] {
            let target = folder.join(format!("copy{k}")).join(sub);
            std::fs::create_dir_all(&target)?;
            for entry in std::fs::read_dir(corpus.join(sub))? {
                let entry = entry?;
                let to = target.join(entry.file_name());
                if to.exists() {
                    continue;
                }
                if std::fs::hard_link(entry.path(), &to).is_err() {
                    std::fs::copy(entry.path(), &to)?;
                }
            }
        }
    }
    Ok(folder.to_owned())
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

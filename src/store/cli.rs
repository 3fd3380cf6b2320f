//! The headless `index` and `search` commands. Output never carries raw control characters:
//! text goes through `text::printable`, JSON escapes every unsafe character.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use super::{IndexEvent, IndexSummary, SearchResults, Store, parse_query};
use crate::text::printable;

/// Hits `run_search` prints.
pub const SEARCH_LIMIT: usize = 50;

/// `akhbar index FOLDER [--json]`: indexes the folder into the database, with a progress bar
/// on stderr when it is a terminal, then prints a summary on `out` (the skipped files and
/// their reasons go to `err`, or into the JSON object).
pub fn run_index(
    folder: &Path,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> anyhow::Result<()> {
    let mut store = Store::open_default()?;
    let summary = index_with_progress(&mut store, folder)?;
    if json {
        let value = json!({
            "folder": summary.folder.to_string_lossy(),
            "articles": summary.articles,
            "files": summary.files,
            "read_files": summary.read_files,
            "removed_files": summary.removed_files,
            "skipped": summary.skipped.iter().map(|s| json!({
                "path": s.path.to_string_lossy(),
                "reason": s.reason,
            })).collect::<Vec<_>>(),
            "seconds": summary.seconds,
            "database": store.path().to_string_lossy(),
        });
        writeln!(out, "{}", json_safe(&value.to_string()))?;
    } else {
        for s in &summary.skipped {
            let path = s.path.to_string_lossy();
            writeln!(
                err,
                "skipped {}: {}",
                printable(&path),
                printable(&s.reason)
            )?;
        }
        writeln!(out, "{}", human_summary(&summary))?;
    }
    Ok(())
}

fn human_summary(s: &IndexSummary) -> String {
    let folder = s.folder.to_string_lossy();
    format!(
        "{}: {} articles in {} files ({} read, {} removed), {} skipped, {:.2} s",
        printable(&folder),
        s.articles,
        s.files,
        s.read_files,
        s.removed_files,
        s.skipped.len(),
        s.seconds
    )
}

/// A progress bar on stderr (hidden when stderr is not a terminal) in the given
/// indicatif template.
pub fn stderr_bar(template: &str) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(None, target);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Indexes with an indicatif bar on stderr (hidden when stderr is not a terminal).
fn index_with_progress(store: &mut Store, folder: &Path) -> anyhow::Result<IndexSummary> {
    let bar = stderr_bar("{bar:40} {pos}/{len} files {elapsed}");
    let summary = store
        .index_folder(folder, |event| {
            if let IndexEvent::Progress { done, total } = event {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            }
        })
        .with_context(|| format!("cannot index {}", printable(&folder.to_string_lossy())))?;
    bar.finish_and_clear();
    Ok(summary)
}

/// `akhbar search FOLDER QUERY [--json]`: brings the folder's index up to date, runs
/// `prepare` (the caller's chance to bring what the query needs up to date too: `@name` needs
/// the articles' entities), then prints the best hits (path, title, snippet), best first.
pub fn run_search(
    folder: &Path,
    query: &str,
    json: bool,
    out: &mut impl Write,
    prepare: impl FnOnce(&Store, &super::Query) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let parsed = parse_query(query)?;
    let start = Instant::now();
    let mut store = Store::open_default()?;
    index_with_progress(&mut store, folder)?;
    prepare(&store, &parsed)?;
    let results = store.search(folder, &parsed, SEARCH_LIMIT)?;
    let seconds = start.elapsed().as_secs_f64();
    if json {
        writeln!(
            out,
            "{}",
            json_safe(&results_json(query, &results, seconds).to_string())
        )?;
    } else {
        write_results(out, &results)?;
    }
    Ok(())
}

fn results_json(query: &str, results: &SearchResults, seconds: f64) -> serde_json::Value {
    let ranges = |r: &[std::ops::Range<usize>]| -> Vec<[usize; 2]> {
        r.iter().map(|h| [h.start, h.end]).collect()
    };
    let hits: Vec<_> = results
        .hits
        .iter()
        .map(|h| {
            json!({
                "path": h.entry.key.path.to_string_lossy(),
                "index": h.entry.key.index_in_file,
                "title": h.entry.title,
                "date": h.entry.date.map(|d| d.to_string()),
                "source": h.entry.source,
                "rank": h.rank,
                "snippet": h.snippet,
                "snippet_hits": ranges(&h.snippet_hits),
                "hits": ranges(&h.hits),
            })
        })
        .collect();
    json!({ "query": query, "results": hits, "more": results.more, "seconds": seconds })
}

fn write_results(out: &mut impl Write, results: &SearchResults) -> std::io::Result<()> {
    if results.hits.is_empty() {
        return writeln!(out, "no articles match");
    }
    for (n, h) in results.hits.iter().enumerate() {
        let path = h.entry.key.path.to_string_lossy();
        let index = match h.entry.key.index_in_file {
            0 => String::new(),
            i => format!(" #{i}"),
        };
        let date = h.entry.date.map(|d| format!("  {d}")).unwrap_or_default();
        writeln!(out, "{}. {}", n + 1, printable(&h.entry.title))?;
        writeln!(out, "   {}{index}{date}", printable(&path))?;
        writeln!(out, "   {}", printable(&h.snippet))?;
    }
    if results.more {
        writeln!(
            out,
            "(more than {} matches; refine the query)",
            results.hits.len()
        )?;
    }
    Ok(())
}

/// JSON text made safe for a terminal (see `text::json::escape_unsafe`).
pub fn json_safe(s: &str) -> String {
    crate::text::json::escape_unsafe(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::printable::is_unsafe;

    #[test]
    fn json_output_escapes_terminal_controls() {
        let raw = json!({"t": "a\u{9b}b\u{202e}c\u{1b}"}).to_string();
        let safe = json_safe(&raw);
        assert!(!safe.chars().any(is_unsafe));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["t"], "a\u{9b}b\u{202e}c\u{1b}");
    }
}

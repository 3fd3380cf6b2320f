//! The headless commands' work, shared by `main.rs` and the tests: analysing a file or a
//! folder and writing the results as text or JSON. Offsets in output are character offsets
//! into the article's text (title and paragraphs joined with "\n").

use std::io::Write;
use std::ops::Range;
use std::path::Path;

use serde_json::{Value, json};

use crate::analyze::Analysis;
use crate::analyze::entities::{Entity, Recognizer, user_entities_in};
use crate::analyze::figures::Figure;
use crate::load;
use crate::model::Article;
use crate::text::json::to_safe_string;
use crate::text::printable;

/// The recognizer with the user's `entities.toml` (in the config dir) added; an
/// `entities.toml` that cannot be read is an error.
pub fn recognizer() -> anyhow::Result<Recognizer> {
    let (recognizer, user_error) = recognizer_keeping_builtin()?;
    match user_error {
        Some(e) => Err(e),
        None => Ok(recognizer),
    }
}

/// The recognizer with the user's `entities.toml` added if it can be read; if it cannot, the
/// built-in recognizer and why (the reader keeps its entities over a typo in that file).
pub fn recognizer_keeping_builtin() -> anyhow::Result<(Recognizer, Option<anyhow::Error>)> {
    recognizer_keeping_builtin_in(crate::config::config_dir().as_deref())
}

/// [`recognizer_keeping_builtin`] with the user's entries from `config_dir`.
pub fn recognizer_keeping_builtin_in(
    config_dir: Option<&Path>,
) -> anyhow::Result<(Recognizer, Option<anyhow::Error>)> {
    let recognizer = Recognizer::load_default()?;
    let user = config_dir.map(user_entities_in);
    Ok(match user {
        Some(Ok(Some(user))) => (recognizer.with_user_gazetteer(user), None),
        Some(Err(e)) => (recognizer, Some(e)),
        Some(Ok(None)) | None => (recognizer, None),
    })
}

/// Before a search: when the query names entities (`@name`), analyses the folder's articles
/// that are not analysed yet (cached in the store with their entity links, as the reader's
/// background analysis does), with a progress bar on stderr. Otherwise nothing.
pub fn analyse_for_query(
    store: &crate::store::Store,
    folder: &Path,
    query: &crate::store::Query,
) -> anyhow::Result<()> {
    if query.entities.is_empty() {
        return Ok(());
    }
    let recognizer = recognizer()?;
    let bar = crate::store::stderr_bar("{bar:40} {pos}/{len} analysed {elapsed}");
    let cancel = std::sync::atomic::AtomicBool::new(false);
    crate::app::run::analyse_folder(store, folder, Some(&recognizer), &cancel, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    Ok(())
}

/// Articles of a file, or of every file in a folder (sorted as the library sorts them).
/// Files that cannot be read are reported on `err` and skipped.
pub fn articles_at(path: &Path, err: &mut dyn Write) -> anyhow::Result<Vec<Article>> {
    if path.is_dir() {
        let library = load::load_folder(path, |_, _| {});
        for skipped in &library.skipped {
            writeln!(
                err,
                "skipped {}: {}",
                printable(&skipped.path.to_string_lossy()),
                printable(&skipped.reason)
            )?;
        }
        Ok(library.articles)
    } else {
        load::load_file(path).map_err(|reason| anyhow::anyhow!("{}: {reason}", path.display()))
    }
}

/// Maps byte ranges of a text to character ranges, in one pass over ranges sorted or not.
pub struct CharOffsets {
    /// Byte offset of every char boundary, plus the end.
    boundaries: Vec<usize>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        boundaries.push(text.len());
        CharOffsets { boundaries }
    }

    /// The character index of a byte offset (the next boundary if it falls inside a char).
    pub fn char_at(&self, byte: usize) -> usize {
        self.boundaries.partition_point(|&b| b < byte)
    }

    pub fn chars(&self, bytes: &Range<usize>) -> Range<usize> {
        self.char_at(bytes.start)..self.char_at(bytes.end)
    }
}

fn figure_json(figure: &Figure, offsets: &CharOffsets) -> Value {
    let chars = offsets.chars(&figure.range);
    json!({
        "text": figure.text,
        "start": chars.start,
        "end": chars.end,
        "value": figure.value,
        "value_max": figure.value_max,
        "unit": figure.unit,
        "kind": figure.kind,
        "qualifier": figure.qualifier,
        "label": figure.label,
        "year": figure.year,
        "key": figure.key,
        "score": figure.score,
        "entities": figure.entities,
    })
}

/// `akhbar figures PATH [--json]`.
pub fn run_figures(
    path: &Path,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    // Figures name the entities of their sentence; without a model they simply name none.
    let recognizer = recognizer().ok();
    let articles = articles_at(path, err)?;
    let mut results = Vec::new();
    for article in &articles {
        let text = article.text();
        let found = Analysis::of(article, recognizer.as_ref()).figures;
        if as_json {
            let offsets = CharOffsets::new(&text);
            results.push(json!({
                "article": article.path.to_string_lossy(),
                "figures": found.iter().map(|f| figure_json(f, &offsets)).collect::<Vec<_>>(),
            }));
        } else {
            write_figures_text(out, article, &found)?;
        }
    }
    if as_json {
        writeln!(out, "{}", to_safe_string(&Value::Array(results)))?;
    }
    Ok(())
}

/// `akhbar entities PATH [--json]`.
pub fn run_entities(
    path: &Path,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let recognizer = recognizer()?;
    let articles = articles_at(path, err)?;
    let mut results = Vec::new();
    for article in &articles {
        let text = article.text();
        let entities = recognizer.entities(&text);
        if as_json {
            let offsets = CharOffsets::new(&text);
            results.push(json!({
                "article": article.path.to_string_lossy(),
                "entities": entities.iter().map(|e| entity_json(e, &offsets)).collect::<Vec<_>>(),
            }));
        } else {
            writeln!(out, "{}", printable(&article.path.to_string_lossy()))?;
            for entity in &entities {
                let kind = entity.kind.code();
                writeln!(
                    out,
                    "  {kind}\t{}\t{}",
                    entity.mentions.len(),
                    printable(&entity.name)
                )?;
            }
        }
    }
    if as_json {
        writeln!(out, "{}", to_safe_string(&Value::Array(results)))?;
    }
    Ok(())
}

fn entity_json(entity: &Entity, offsets: &CharOffsets) -> Value {
    let mentions: Vec<Value> = entity
        .mentions
        .iter()
        .map(|m| {
            let chars = offsets.chars(&m.range);
            json!({"text": m.text, "start": chars.start, "end": chars.end})
        })
        .collect();
    json!({
        "name": entity.name,
        "type": entity.kind.code(),
        "count": entity.mentions.len(),
        "mentions": mentions,
    })
}

fn write_figures_text(
    out: &mut dyn Write,
    article: &Article,
    found: &[Figure],
) -> std::io::Result<()> {
    writeln!(out, "{}", printable(&article.path.to_string_lossy()))?;
    for figure in found {
        let unit = figure.unit.as_deref().unwrap_or("");
        let label = figure.label.as_deref().unwrap_or("");
        let year = figure.year.map(|y| y.to_string()).unwrap_or_default();
        let key = if figure.key { "key" } else { "" };
        writeln!(
            out,
            "  {}\t{}\t{}\t{}\t{}\t{}\t{}",
            printable(&figure.text),
            figure.value,
            unit,
            figure.kind.name(),
            printable(label),
            year,
            key
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_characters_not_bytes() {
        let text = "أب 220 x";
        let offsets = CharOffsets::new(text);
        let start = text.find("220").unwrap_or(0);
        assert_eq!(offsets.chars(&(start..start + 3)), 3..6);
        assert_eq!(offsets.char_at(text.len()), 8);
    }
}

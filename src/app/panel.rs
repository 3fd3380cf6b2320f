//! The side panel's content, derived from the open article: sections of items with one
//! selection across them. Later analyses (entities, figures) add sections here.

use super::state::State;
use crate::model::Article;
use crate::text::printable;

/// One line of the panel: a label and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub value: String,
}

/// A titled group of items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub items: Vec<Item>,
}

/// The panel's sections for the current state (empty when no article is open).
pub fn sections(state: &State) -> Vec<Section> {
    match state.reader.article.as_deref() {
        Some(article) => vec![facts(article)],
        None => Vec::new(),
    }
}

/// Total selectable items across sections.
pub fn item_count(state: &State) -> usize {
    sections(state).iter().map(|s| s.items.len()).sum()
}

fn facts(article: &Article) -> Section {
    let mut items = Vec::new();
    let mut add = |label: &str, value: String| {
        items.push(Item {
            label: label.to_owned(),
            value,
        })
    };
    if let Some(source) = &article.source {
        add("Source", source.clone());
    }
    if let Some(date) = article.date {
        add("Date", date.to_string());
    }
    if let Some(author) = &article.author {
        add("Author", author.clone());
    }
    let file = article
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    add("File", printable(&file).into_owned());
    add("Words", article.word_count().to_string());
    add("Paragraphs", article.paragraphs.len().to_string());
    add("Format", article.format.name().to_owned());
    add("Encoding", article.encoding.clone());
    if article.truncated {
        add(
            "Note",
            "file larger than the size cap; only its start is shown".to_owned(),
        );
    }
    if let Some(url) = &article.url {
        add("URL", url.clone());
    }
    Section {
        title: "Article",
        items,
    }
}

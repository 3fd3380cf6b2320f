//! Decoded text → articles, one parser per format. Errors are plain messages for the
//! "skipped" list; they never quote article bytes.

use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_json::Value;

use super::date;
use crate::model::{Article, ArticleDate, Format};

/// Everything a parser found, before the loader adds path, encoding and fallbacks.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Parsed {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub date: Option<ArticleDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

/// The format a file name says it has, if akhbar reads it.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Txt),
        "md" | "markdown" => Some(Format::Md),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// Parses decoded text in the given format into one or more articles' contents.
pub fn parse(format: Format, text: &str) -> Result<Vec<Parsed>, String> {
    let text = normalize_newlines(text);
    let parsed = match format {
        Format::Txt => vec![parse_txt(&text)?],
        Format::Md => vec![parse_md(&text)?],
        Format::Json => parse_json(&text)?,
        Format::Html => return Err("HTML is not supported yet".into()),
    };
    Ok(parsed)
}

/// CRLF and lone CR become LF.
fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// `.txt`: the first non-empty line is the title; paragraphs are lines, or blank-line
/// separated blocks (joined with spaces) when the file uses blank lines between paragraphs
/// of several lines.
pub fn parse_txt(text: &str) -> Result<Parsed, String> {
    let text = text.trim_start_matches('\u{FEFF}');
    let mut lines = text.lines();
    let title = lines
        .by_ref()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .ok_or("empty file: no title line")?
        .to_owned();
    let body: Vec<&str> = lines.collect();
    Ok(Parsed {
        title,
        paragraphs: paragraphs_of(&body),
        ..Parsed::default()
    })
}

/// Splits body lines into paragraphs: blank-line separated blocks when some block holds
/// several lines (hard-wrapped text), else one paragraph per non-empty line.
fn paragraphs_of(lines: &[&str]) -> Vec<String> {
    let blocks: Vec<Vec<&str>> = lines
        .split(|l| l.trim().is_empty())
        .filter(|block| !block.is_empty())
        .map(|block| block.iter().map(|l| l.trim()).collect())
        .collect();
    let hard_wrapped = blocks.iter().any(|b| b.len() > 1) && blocks.len() > 1;
    if hard_wrapped {
        blocks.into_iter().map(|b| b.join(" ")).collect()
    } else {
        blocks.into_iter().flatten().map(str::to_owned).collect()
    }
}

/// `.md`: the first heading is the title (else the first block); every other block
/// (paragraph, heading, list item, quote, code) becomes a paragraph with markup removed.
pub fn parse_md(text: &str) -> Result<Parsed, String> {
    let mut blocks: Vec<(bool, String)> = Vec::new();
    let mut current = String::new();
    let mut in_heading = false;
    let flush = |current: &mut String, heading: bool, blocks: &mut Vec<(bool, String)>| {
        let block = collapse_spaces(current);
        if !block.is_empty() {
            blocks.push((heading, block));
        }
        current.clear();
    };
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, false, &mut blocks);
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut current, true, &mut blocks);
                in_heading = false;
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_),
            ) => flush(&mut current, in_heading, &mut blocks),
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            // Raw HTML, footnote markers, rules and the rest carry no readable text.
            _ => {}
        }
    }
    flush(&mut current, in_heading, &mut blocks);
    let title_at = blocks.iter().position(|(heading, _)| *heading).unwrap_or(0);
    if blocks.is_empty() {
        return Err("empty file: no title or text".into());
    }
    let title = blocks.remove(title_at).1;
    Ok(Parsed {
        title,
        paragraphs: blocks.into_iter().map(|(_, b)| b).collect(),
        ..Parsed::default()
    })
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `.json`: an object with `title` and `body` (a string or an array of paragraphs) and
/// optional `date`, `source`, `url`, `author`; or an array of such objects.
pub fn parse_json(text: &str) -> Result<Vec<Parsed>, String> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{FEFF}'))
        .map_err(|e| format!("invalid JSON: {}", describe_json_error(&e)))?;
    match value {
        Value::Array(items) => {
            if items.is_empty() {
                return Err("JSON array holds no articles".into());
            }
            items
                .iter()
                .enumerate()
                .map(|(i, item)| json_article(item).map_err(|e| format!("item {}: {e}", i + 1)))
                .collect()
        }
        other => Ok(vec![json_article(&other)?]),
    }
}

fn describe_json_error(e: &serde_json::Error) -> String {
    // serde_json's messages name the problem and position but never echo the input.
    e.to_string()
}

fn json_article(value: &Value) -> Result<Parsed, String> {
    let object = value
        .as_object()
        .ok_or_else(|| format!("expected an article object, found {}", json_kind(value)))?;
    let title = match object.get("title") {
        Some(Value::String(t)) if !t.trim().is_empty() => collapse_spaces(t),
        Some(Value::String(_)) => return Err("\"title\" is empty".into()),
        Some(other) => {
            return Err(format!(
                "\"title\" must be a string, found {}",
                json_kind(other)
            ));
        }
        None => return Err("missing \"title\"".into()),
    };
    let paragraphs = match object.get("body") {
        Some(Value::String(body)) => {
            let lines: Vec<&str> = body.lines().collect();
            paragraphs_of(&lines)
        }
        Some(Value::Array(items)) => items
            .iter()
            .map(|p| match p {
                Value::String(s) => Ok(s.trim().to_owned()),
                other => Err(format!(
                    "\"body\" items must be strings, found {}",
                    json_kind(other)
                )),
            })
            .filter(|p| !matches!(p, Ok(s) if s.is_empty()))
            .collect::<Result<_, _>>()?,
        Some(Value::Null) | None => Vec::new(),
        Some(other) => {
            return Err(format!(
                "\"body\" must be a string or an array of strings, found {}",
                json_kind(other)
            ));
        }
    };
    let text_field = |key: &str| -> Option<String> {
        object
            .get(key)?
            .as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Ok(Parsed {
        title,
        paragraphs,
        date: text_field("date").as_deref().and_then(date::parse_iso),
        source: text_field("source"),
        url: text_field("url"),
        author: text_field("author"),
    })
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Parsed {
    /// Completes a parsed article with where it came from; a date missing from the file is
    /// taken from a date stamp in its name.
    pub fn into_article(
        self,
        path: &Path,
        index_in_file: usize,
        format: Format,
        encoding: &str,
        truncated: bool,
    ) -> Article {
        let name_date = || path.file_name()?.to_str().and_then(date::from_file_name);
        Article {
            path: path.to_owned(),
            index_in_file,
            format,
            date: self.date.or_else(name_date),
            title: self.title,
            paragraphs: self.paragraphs,
            source: self.source,
            url: self.url,
            author: self.author,
            encoding: encoding.to_owned(),
            truncated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txt_lines_are_paragraphs() {
        let p = parse_txt("\n  العنوان هنا \nالفقرة الأولى.\nالفقرة الثانية.\n\n").unwrap();
        assert_eq!(p.title, "العنوان هنا");
        assert_eq!(p.paragraphs, ["الفقرة الأولى.", "الفقرة الثانية."]);
    }

    #[test]
    fn txt_blank_line_blocks_join_wrapped_lines() {
        let text = "عنوان\n\nسطر أول\nيكمل الفقرة.\n\nفقرة ثانية\nفي سطرين.\n";
        let p = parse_txt(text).unwrap();
        assert_eq!(
            p.paragraphs,
            ["سطر أول يكمل الفقرة.", "فقرة ثانية في سطرين."]
        );
    }

    #[test]
    fn txt_single_line_blocks_separated_by_blanks() {
        let p = parse_txt("عنوان\n\nفقرة ١\n\nفقرة ٢\n").unwrap();
        assert_eq!(p.paragraphs, ["فقرة ١", "فقرة ٢"]);
    }

    #[test]
    fn txt_crlf_and_lone_cr() {
        let parsed = parse(Format::Txt, "عنوان\r\nأ\rب\r\n").unwrap();
        assert_eq!(parsed[0].paragraphs, ["أ", "ب"]);
    }

    #[test]
    fn empty_txt_is_an_error() {
        assert!(parse_txt(" \n\t\n").is_err());
        assert!(parse_txt("").is_err());
    }

    #[test]
    fn md_heading_is_title_and_markup_is_removed() {
        let md = "<!-- c -->\n# قمة **هاربين**\n\nزار [بوتين](http://x) مدينة *هاربين*.\n\n- بند أول\n- بند `ثان`\n\n## عنوان فرعي\n";
        let p = parse_md(md).unwrap();
        assert_eq!(p.title, "قمة هاربين");
        assert_eq!(
            p.paragraphs,
            [
                "زار بوتين مدينة هاربين.",
                "بند أول",
                "بند ثان",
                "عنوان فرعي"
            ]
        );
    }

    #[test]
    fn md_without_heading_uses_first_block() {
        let p = parse_md("سطر أول\n\nسطر ثان\n").unwrap();
        assert_eq!(p.title, "سطر أول");
        assert_eq!(p.paragraphs, ["سطر ثان"]);
    }

    #[test]
    fn json_object_with_string_or_array_body() {
        let one = r#"{"title":"عنوان","body":"أ\nب","date":"2023-10-05","source":"وكالة","url":"https://example.org/a","author":"كاتب"}"#;
        let p = &parse_json(one).unwrap()[0];
        assert_eq!(p.paragraphs, ["أ", "ب"]);
        assert_eq!(p.date.map(|d| d.year), Some(2023));
        assert_eq!(p.source.as_deref(), Some("وكالة"));
        assert_eq!(p.author.as_deref(), Some("كاتب"));
        let arr = r#"[{"title":"أ","body":["ف1","","ف2"]},{"title":"ب"}]"#;
        let both = parse_json(arr).unwrap();
        assert_eq!(both.len(), 2);
        assert_eq!(both[0].paragraphs, ["ف1", "ف2"]);
        assert!(both[1].paragraphs.is_empty());
    }

    #[test]
    fn json_errors_are_clear() {
        let cases = [
            ("{", "invalid JSON"),
            ("42", "expected an article object, found a number"),
            (r#"{"body":"x"}"#, "missing \"title\""),
            (
                r#"{"title":7}"#,
                "\"title\" must be a string, found a number",
            ),
            (
                r#"{"title":"t","body":{"a":1}}"#,
                "\"body\" must be a string or an array",
            ),
            (
                r#"{"title":"t","body":[1]}"#,
                "\"body\" items must be strings",
            ),
            (r#"[{"title":"t"},{"title":null}]"#, "item 2:"),
            ("[]", "holds no articles"),
        ];
        for (input, want) in cases {
            let err = parse_json(input).unwrap_err();
            assert!(err.contains(want), "{input}: {err}");
        }
    }

    #[test]
    fn deeply_nested_json_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(parse_json(&deep).is_err());
    }
}

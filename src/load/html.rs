//! Saved web pages: the title and the main article text, without scripts, navigation and
//! boilerplate; date, source, author and URL from meta tags when present.
//!
//! The main text is the container whose own `<p>` children hold the most text (the usual
//! shape of an article body), so menus, footers and related-article lists fall away.

use scraper::{ElementRef, Html, Node, Selector};

use super::date;
use super::parse::Parsed;

/// Elements whose text is never article text.
const NOISE: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe",
];
/// Blocks that become paragraphs.
const BLOCKS: &str = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption";

/// Deeper nesting is refused: html5ever's tree building is quadratic in the depth (40,000
/// nested `<div>`s take 3 s, a 16 MiB file of them would take hours). Browsers flatten far
/// earlier (Blink stops nesting at 512), so no real page comes near.
pub const MAX_HTML_DEPTH: usize = 5_000;

/// Elements that never hold others or that the parser closes by itself at the next sibling:
/// they do not deepen the tree.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead",
];

/// An upper estimate of the element nesting depth, from the tags alone (linear, no tree);
/// script and style contents and comments are skipped.
fn nesting_depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if text[i..].starts_with("!--") {
            i = text[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
            continue;
        }
        if len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = text[start..start + len].to_ascii_lowercase();
        if closing {
            if !FLAT.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |e| start + e);
        if matches!(name.as_str(), "script" | "style") {
            let close = format!("</{name}");
            i = find_ignoring_case(&bytes[end..], close.as_bytes())
                .map_or(bytes.len(), |e| end + e);
            continue;
        }
        let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
        if !self_closing && !FLAT.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
        }
        i = end.min(bytes.len());
    }
    max
}

fn find_ignoring_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

pub fn parse_html(text: &str) -> Result<Parsed, String> {
    let depth = nesting_depth(text);
    if depth > MAX_HTML_DEPTH {
        return Err(format!(
            "HTML nested about {depth} elements deep (more than {MAX_HTML_DEPTH}); not parsed"
        ));
    }
    let doc = Html::parse_document(text);
    let meta = |selector: &str| -> Option<String> {
        let sel = Selector::parse(selector).ok()?;
        doc.select(&sel).find_map(|e| {
            let value = e
                .value()
                .attr("content")
                .or_else(|| e.value().attr("datetime"))
                .or_else(|| e.value().attr("href"))?;
            let value = collapse(value);
            (!value.is_empty()).then_some(value)
        })
    };
    let root = main_container(&doc);
    let mut paragraphs = root.map(block_texts).unwrap_or_default();
    let heading = first_text(&doc, "h1");
    let title = meta(r#"meta[property="og:title"]"#)
        .or_else(|| heading.clone())
        .or_else(|| first_text(&doc, "title"))
        .or_else(|| (!paragraphs.is_empty()).then(|| paragraphs.remove(0)))
        .ok_or("no title or text in the page")?;
    // The title usually repeats as the page's first heading: keep it once.
    paragraphs.retain(|p| *p != title && Some(p) != heading.as_ref());
    let date_text = meta(r#"meta[property="article:published_time"]"#)
        .or_else(|| meta(r#"meta[itemprop="datePublished"]"#))
        .or_else(|| meta(r#"meta[name="date"]"#))
        .or_else(|| meta("time[datetime]"));
    Ok(Parsed {
        title,
        paragraphs,
        date: date_text.as_deref().and_then(date::parse_iso),
        source: meta(r#"meta[property="og:site_name"]"#)
            .or_else(|| meta(r#"meta[name="publisher"]"#)),
        url: meta(r#"link[rel="canonical"]"#).or_else(|| meta(r#"meta[property="og:url"]"#)),
        author: meta(r#"meta[name="author"]"#),
    })
}

/// The element whose direct `<p>` children carry the most text; `<body>` when none has any.
fn main_container(doc: &Html) -> Option<ElementRef<'_>> {
    let candidates = Selector::parse("article, main, section, div, td, body").ok()?;
    let best = elements_outside_noise(doc.root_element(), |_| false)
        .into_iter()
        .filter(|e| candidates.matches(e))
        .map(|e| (direct_paragraph_text(e), e))
        .filter(|(len, _)| *len > 0)
        .max_by_key(|(len, _)| *len)
        .map(|(_, e)| e);
    best.or_else(|| {
        Selector::parse("body")
            .ok()
            .and_then(|s| doc.select(&s).next())
    })
}

fn direct_paragraph_text(element: ElementRef<'_>) -> usize {
    element
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| c.value().name() == "p")
        .map(|p| visible_text(p).chars().count())
        .sum()
}

/// `root` and its descendant elements in document order, leaving out noise elements and
/// everything inside them, and not descending below an element for which `stop` is true.
/// One pass over the tree: looking up each element's ancestors instead was quadratic in the
/// nesting depth (5,000 nested `<div>`s took seconds, 50,000 minutes).
fn elements_outside_noise<'a>(
    root: ElementRef<'a>,
    stop: impl Fn(&ElementRef<'a>) -> bool,
) -> Vec<ElementRef<'a>> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(element) = stack.pop() {
        if NOISE.contains(&element.value().name()) {
            continue;
        }
        out.push(element);
        if !stop(&element) {
            stack.extend(element.children().rev().filter_map(ElementRef::wrap));
        }
    }
    out
}

/// The container's blocks as paragraphs, outermost blocks only, noise skipped.
fn block_texts(root: ElementRef<'_>) -> Vec<String> {
    let Ok(blocks) = Selector::parse(BLOCKS) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Outermost blocks: the walk does not go below a block (the root itself may be one).
    let is_block = |e: &ElementRef<'_>| e.id() != root.id() && blocks.matches(e);
    for block in elements_outside_noise(root, is_block) {
        if !is_block(&block) {
            continue;
        }
        let text = visible_text(block);
        if !text.is_empty() {
            out.push(text);
        }
    }
    if out.is_empty() {
        let text = visible_text(root);
        if !text.is_empty() {
            out.push(text);
        }
    }
    out
}

fn first_text(doc: &Html, selector: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    doc.select(&sel).map(visible_text).find(|t| !t.is_empty())
}

/// Inline elements: their text runs on with the text around them.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "mark", "q", "s", "small", "span",
    "strong", "sub", "sup", "time", "u",
];

/// Text of an element with noise elements left out, a space around every block, and
/// whitespace collapsed.
fn visible_text(element: ElementRef<'_>) -> String {
    enum Step<'a> {
        Visit(ego_tree::NodeRef<'a, Node>),
        Space,
    }
    let mut out = String::new();
    let mut stack: Vec<Step<'_>> = element.children().rev().map(Step::Visit).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Space => {
                out.push(' ');
                continue;
            }
            Step::Visit(node) => node,
        };
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) if NOISE.contains(&e.name()) => {}
            Node::Element(e) => {
                let block = !INLINE.contains(&e.name());
                if block {
                    out.push(' ');
                    stack.push(Step::Space);
                }
                stack.extend(node.children().rev().map(Step::Visit));
            }
            _ => {}
        }
    }
    collapse(&out)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="ar" dir="rtl"><head>
<title>موقع الأخبار | الرئيسية</title>
<meta property="og:title" content="ارتفاع صادرات التمور التونسية بنسبة 12%">
<meta property="og:site_name" content="أخبار المغرب العربي">
<meta property="article:published_time" content="2024-01-08T09:15:00+01:00">
<meta name="author" content="سامي بن علي">
<link rel="canonical" href="https://example.org/dates">
<script>var tracking = "لا تظهر";</script><style>p{color:red}</style>
</head><body>
<header><nav><ul><li>الرئيسية</li><li>اقتصاد</li><li>رياضة</li></ul></nav></header>
<div class="layout"><article>
<h1>ارتفاع صادرات التمور التونسية بنسبة 12%</h1>
<p>ارتفعت صادرات <b>التمور</b> التونسية خلال الموسم الحالي بنسبة 12 بالمائة.</p>
<p>وبلغت الكميات المصدّرة نحو 120 ألف طن<br>بقيمة 800 مليون دينار.</p>
<script>document.write("إعلان")</script>
<blockquote><p>قال مسؤول: «الموسم ممتاز».</p></blockquote>
</article>
<aside><p>اقرأ أيضا: خبر آخر لا علاقة له بالموضوع ويجب ألا يظهر.</p></aside></div>
<footer><p>جميع الحقوق محفوظة © 2024</p></footer>
</body></html>"#;

    #[test]
    fn extracts_title_text_and_meta() {
        let p = parse_html(PAGE).unwrap();
        assert_eq!(p.title, "ارتفاع صادرات التمور التونسية بنسبة 12%");
        assert_eq!(
            p.paragraphs,
            [
                "ارتفعت صادرات التمور التونسية خلال الموسم الحالي بنسبة 12 بالمائة.",
                "وبلغت الكميات المصدّرة نحو 120 ألف طن بقيمة 800 مليون دينار.",
                "قال مسؤول: «الموسم ممتاز».",
            ]
        );
        assert_eq!(p.source.as_deref(), Some("أخبار المغرب العربي"));
        assert_eq!(p.author.as_deref(), Some("سامي بن علي"));
        assert_eq!(p.url.as_deref(), Some("https://example.org/dates"));
        assert_eq!(p.date.map(|d| (d.year, d.month, d.day)), Some((2024, 1, 8)));
    }

    #[test]
    fn broken_markup_and_no_paragraphs_still_give_text() {
        let p = parse_html("<title>عنوان</title><div>نص <b>بلا فقرات<div>وعلامات مكسورة").unwrap();
        assert_eq!(p.title, "عنوان");
        assert_eq!(p.paragraphs, ["نص بلا فقرات وعلامات مكسورة"]);
    }

    #[test]
    fn nesting_depth_counts_open_elements_only() {
        assert_eq!(nesting_depth("<div><p>a<p>b<br><img src=x/></div>"), 1);
        assert_eq!(
            nesting_depth("<div><section><span>x</span></section></div>"),
            3
        );
        let script = "<div><script>for(i=0;i<n;i++){a<b}</script><!-- <div><div> --></div>";
        assert_eq!(nesting_depth(script), 1);
        assert_eq!(nesting_depth("a < b <3 <> </"), 0);
        let deep = "<div>".repeat(MAX_HTML_DEPTH + 1);
        let err = parse_html(&deep).err().unwrap_or_default();
        assert!(err.contains("nested"), "{err}");
    }

    #[test]
    fn a_page_with_nothing_is_an_error() {
        assert!(parse_html("<html><script>x()</script></html>").is_err());
        assert!(parse_html("").is_err());
    }
}

//! Renders a text file the way `akhbar render` does (first line = title, one paragraph per
//! line) to stdout; used to time layout against `fribidi --rtl --nobreak` on the same file.
//!
//! cargo run --release --example layout_render -- FILE [WIDTH]

use std::io::{BufWriter, Write};

use akhbar::layout::{LayoutOptions, article_is_rtl, render_plain};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: layout_render FILE [WIDTH]");
        std::process::exit(2);
    };
    let width = args.next().and_then(|w| w.parse().ok()).unwrap_or(80);
    let text = std::fs::read_to_string(path)?;
    let paragraphs: Vec<&str> = text.lines().collect();
    let (title, body) = paragraphs
        .split_first()
        .map_or(("", &[][..]), |(t, b)| (*t, b));
    let opts = LayoutOptions {
        width,
        article_rtl: article_is_rtl(&paragraphs),
        ..Default::default()
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    render_plain(title, body, &opts, &mut out)?;
    out.flush()
}

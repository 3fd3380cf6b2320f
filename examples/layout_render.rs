//! Renders a text file the way `akhbar render` does (first line = title, one paragraph per
//! line) to stdout; used to time layout against `fribidi --rtl --nobreak` on the same file and
//! to compare with the FriBidi oracle on more text than the golden files hold.
//!
//! cargo run --release --example layout_render -- FILE [WIDTH] [--no-shape] [--no-liga] [--rtl]

use std::io::{BufWriter, Write};

use akhbar::layout::{Direction, LayoutOptions, article_is_rtl, render_plain};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    let Some(path) = positional.next() else {
        eprintln!("usage: layout_render FILE [WIDTH] [--no-shape] [--no-liga] [--rtl]");
        std::process::exit(2);
    };
    let width = positional.next().and_then(|w| w.parse().ok()).unwrap_or(80);
    let text = std::fs::read_to_string(path)?;
    let paragraphs: Vec<&str> = text.lines().collect();
    let (title, body) = paragraphs
        .split_first()
        .map_or(("", &[][..]), |(t, b)| (*t, b));
    let opts = LayoutOptions {
        width,
        shaping: !flag("--no-shape"),
        ligatures: !flag("--no-liga"),
        direction: if flag("--rtl") {
            Direction::Rtl
        } else {
            Direction::Auto
        },
        article_rtl: article_is_rtl(&paragraphs),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    render_plain(title, body, &opts, &mut out)?;
    out.flush()
}

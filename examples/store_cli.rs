//! The headless store commands until the CLI wires them:
//! `store_cli index FOLDER [--json]`, `store_cli search FOLDER QUERY [--json]`.
//! The database goes where `AKHBAR_DATA_DIR` (or the platform data dir) says.

use std::path::Path;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let rest: Vec<&str> = args
        .iter()
        .filter(|a| *a != "--json")
        .map(String::as_str)
        .collect();
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    match rest.as_slice() {
        ["index", folder] => akhbar::store::run_index(Path::new(folder), json, &mut out, &mut err),
        ["search", folder, query] => {
            akhbar::store::run_search(Path::new(folder), query, json, &mut out)
        }
        _ => anyhow::bail!("usage: store_cli index FOLDER [--json] | search FOLDER QUERY [--json]"),
    }
}

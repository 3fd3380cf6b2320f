//! The `akhbar` command: the interactive reader and its headless subcommands.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use akhbar::config::{self, Settings};
use akhbar::layout::{self, Direction, LayoutOptions};
use akhbar::text::printable;
use akhbar::{app, headless, load, store};

#[derive(Parser)]
#[command(
    name = "akhbar",
    version,
    about = "A terminal reader for folders of saved Arabic news"
)]
struct Cli {
    /// The folder to read (default: the last one opened, or the bundled samples).
    folder: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Print an article as the reader lays it out: visual order, plain UTF-8.
    Render {
        file: PathBuf,
        #[arg(long, default_value_t = 80)]
        width: usize,
        #[arg(long, value_enum, default_value_t = Switch::On)]
        shaping: Switch,
        #[arg(long, value_enum, default_value_t = Switch::On)]
        ligatures: Switch,
        #[arg(long, value_enum, default_value_t = DirectionArg::Auto)]
        direction: DirectionArg,
    },
    /// Index a folder (only what changed since last time) and summarise what was read and
    /// what was skipped.
    Index {
        folder: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Search the full text of a folder (indexing it first if needed). Qualifiers:
    /// source:NAME, date:2023, date:2022..2024, @name.
    Search {
        folder: PathBuf,
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Tag tokens read one per line on stdin (blank line between sentences) with BIO
    /// entity tags: prints `token<TAB>TAG`.
    Ner,
    /// List the people, places and organisations of an article or a folder.
    Entities {
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// List an article's (or a folder's) figures: amounts, percentages, populations, dates.
    Figures {
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Show the configuration.
    Config {
        /// Print the merged configuration (defaults plus config.toml).
        #[arg(long)]
        print: bool,
        /// Print where config.toml lives.
        #[arg(long)]
        path: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Switch {
    On,
    Off,
}

#[derive(Clone, Copy, ValueEnum)]
enum DirectionArg {
    Auto,
    Rtl,
    Ltr,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => read_folder(cli.folder),
        Some(Cmd::Render {
            file,
            width,
            shaping,
            ligatures,
            direction,
        }) => render(&file, width, shaping, ligatures, direction),
        Some(Cmd::Index { folder, json }) => index(&folder, json),
        Some(Cmd::Search {
            folder,
            query,
            json,
        }) => with_output(|mut out, _| {
            anyhow::ensure!(folder.is_dir(), "{} is not a folder", folder.display());
            store::run_search(&folder, &query, json, &mut out, |store, parsed| {
                headless::analyse_for_query(store, &folder, parsed)
            })
        }),
        Some(Cmd::Ner) => with_output(|out, _| {
            let recognizer = headless::recognizer()?;
            Ok(recognizer.tag_conll(io::stdin().lock(), out)?)
        }),
        Some(Cmd::Entities { path, json }) => {
            with_output(|out, err| headless::run_entities(&path, json, out, err))
        }
        Some(Cmd::Figures { path, json }) => {
            with_output(|out, err| headless::run_figures(&path, json, out, err))
        }
        Some(Cmd::Config { print, path }) => show_config(print, path),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `akhbar … | head` closing the pipe early is a normal end.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Messages may quote file names: make them safe for the terminal.
            eprintln!("akhbar: {}", printable(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Runs a headless command with buffered stdout and stderr.
fn with_output(
    run: impl FnOnce(&mut dyn Write, &mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    run(&mut out, &mut err)?;
    out.flush()?;
    Ok(())
}

/// The interactive reader.
fn read_folder(folder: Option<PathBuf>) -> anyhow::Result<()> {
    let remembered = || {
        store::Store::open_default()
            .ok()?
            .last_folder()
            .ok()?
            .filter(|f| f.is_dir())
    };
    let folder = folder.or_else(remembered).unwrap_or_else(samples_folder);
    anyhow::ensure!(folder.is_dir(), "{} is not a folder", folder.display());
    let (settings, config_error) = config::load();
    app::run::run(&folder, settings, config_error)
}

/// `assets/samples` of the source tree when run from it, else next to the working directory.
fn samples_folder() -> PathBuf {
    let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    if built_in.is_dir() {
        built_in
    } else {
        PathBuf::from("assets/samples")
    }
}

fn render(
    file: &Path,
    width: usize,
    shaping: Switch,
    ligatures: Switch,
    direction: DirectionArg,
) -> anyhow::Result<()> {
    let articles =
        load::load_file(file).map_err(|reason| anyhow::anyhow!("{}: {reason}", file.display()))?;
    let mut out = BufWriter::new(io::stdout().lock());
    for (i, article) in articles.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let paragraphs: Vec<&str> = article.paragraphs.iter().map(String::as_str).collect();
        let mut all = vec![article.title.as_str()];
        all.extend(&paragraphs);
        let opts = LayoutOptions {
            width: width.max(1),
            shaping: matches!(shaping, Switch::On),
            ligatures: matches!(ligatures, Switch::On),
            direction: match direction {
                DirectionArg::Auto => Direction::Auto,
                DirectionArg::Rtl => Direction::Rtl,
                DirectionArg::Ltr => Direction::Ltr,
            },
            article_rtl: layout::article_is_rtl(&all),
        };
        layout::render_plain(&article.title, &paragraphs, &opts, &mut out)?;
    }
    out.flush()?;
    Ok(())
}

fn index(folder: &Path, json: bool) -> anyhow::Result<()> {
    anyhow::ensure!(folder.is_dir(), "{} is not a folder", folder.display());
    with_output(|mut out, mut err| store::run_index(folder, json, &mut out, &mut err))
}

fn show_config(print: bool, path: bool) -> anyhow::Result<()> {
    if path || !print {
        let path = config::config_path()
            .ok_or_else(|| anyhow::anyhow!("no home directory to keep a config in"))?;
        println!("{}", printable(&path.to_string_lossy()));
    }
    if print {
        let (settings, error): (Settings, _) = config::load();
        if let Some(error) = error {
            eprintln!("akhbar: {}", printable(&error));
        }
        print!("{}", config::print_merged(&settings));
    }
    Ok(())
}

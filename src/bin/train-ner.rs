//! Trains the named-entity tagger and writes the model file.
//!
//! ```text
//! cargo run --release --bin train-ner -- \
//!     --train ../shared/data/anercorp/train.txt \
//!     --unlabeled ../shared/data/news-jawharafm/articles \
//!     --seed 42 --out assets/ner/model.bin [--dev-percent 10] [--epochs 12] [--bits 19]
//! ```
//! With `--dev-percent N` the last N% of the sentences are held out, the model is trained on
//! the rest and scored on them (entity-level exact match); `--dev-percent 0` (the default)
//! trains on everything. Same inputs and seed give the same bytes.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::time::Instant;

use akhbar::analyze::entities::clusters::{ClusterConfig, build_lexicon, read_corpus};
use akhbar::analyze::entities::morph;
use akhbar::analyze::entities::train::{TrainConfig, evaluate, read_conll, split_dev, train};
use akhbar::analyze::entities::{Gazetteer, Model, Recognizer};
use anyhow::Context;
use clap::Parser;

#[derive(Parser, Debug)]
#[command(about = "Train akhbar's Arabic named-entity tagger")]
struct Args {
    /// CoNLL training data (`token TAG` lines, blank line between sentences).
    #[arg(long)]
    train: PathBuf,
    /// Folder of unlabeled `*.txt` news for word clusters and frequencies.
    #[arg(long)]
    unlabeled: PathBuf,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Hold out the last N% of sentences as a development set and report scores on it.
    #[arg(long, default_value_t = 0)]
    dev_percent: usize,
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Folds for the second, document-aware pass (0: no second pass).
    #[arg(long, default_value_t = 10)]
    folds: usize,
    /// Feature hash size in bits.
    #[arg(long, default_value_t = 19)]
    bits: u32,
    /// Write the dev set as `token gold predicted` lines to this file.
    #[arg(long)]
    dump_dev: Option<PathBuf>,
    /// Number of most frequent words that get clusters.
    #[arg(long, default_value_t = 40_000)]
    clustered_words: usize,
    /// Reuse the lexicon (counts and clusters) of an existing model file instead of
    /// building it from `--unlabeled` (faster when only the tagger's features change).
    #[arg(long)]
    lexicon_from: Option<PathBuf>,
    /// Morphological classes of the news words (`tools/morphology.py`), read into the
    /// lexicon, whether built or reused.
    #[arg(long, default_value = "assets/ner/morphology.tsv")]
    morphology: PathBuf,
    /// Score this existing model on the dev set (with `--dev-percent`) instead of training;
    /// `--out` is not written.
    #[arg(long)]
    score: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let t0 = Instant::now();
    let file =
        File::open(&args.train).with_context(|| format!("opening {}", args.train.display()))?;
    let sentences = read_conll(BufReader::new(file))?;
    let (train_set, dev_set) = split_dev(&sentences, args.dev_percent);
    eprintln!(
        "{} sentences: training on {}, dev {}",
        sentences.len(),
        train_set.len(),
        dev_set.len()
    );
    if let Some(path) = &args.score {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let model =
            Model::from_bytes(&bytes).with_context(|| format!("reading {}", path.display()))?;
        report(&Recognizer::from_model(model), dev_set, &args)?;
        return Ok(());
    }
    let mut lexicon = match &args.lexicon_from {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            Model::from_bytes(&bytes)
                .with_context(|| format!("reading {}", path.display()))?
                .lexicon
        }
        None => {
            let mut docs = read_corpus(&args.unlabeled)
                .with_context(|| format!("reading {}", args.unlabeled.display()))?;
            // The training sentences' words (not their tags) count as unlabeled text too; the
            // held-out sentences do not.
            docs.push(
                train_set
                    .iter()
                    .map(|s| s.tokens.join(" "))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            let cfg = ClusterConfig {
                seed: args.seed,
                clustered_words: args.clustered_words,
                ..ClusterConfig::default()
            };
            let lexicon = build_lexicon(&docs, &cfg);
            eprintln!(
                "lexicon: {} words from {} documents ({:.1?})",
                lexicon.len(),
                docs.len(),
                t0.elapsed()
            );
            lexicon
        }
    };
    let morphology = std::fs::read_to_string(&args.morphology)
        .with_context(|| format!("reading {}", args.morphology.display()))?;
    lexicon.attach_morphology(&morph::parse(&morphology));
    let tcfg = TrainConfig {
        epochs: args.epochs,
        bits: args.bits,
        seed: args.seed,
        folds: args.folds,
    };
    let model = train(train_set, lexicon, &Gazetteer::builtin(), &tcfg);
    eprintln!(
        "trained, bias against O {} ({:.1?})",
        model.o_bias,
        t0.elapsed()
    );
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    report(&Recognizer::from_model(model), dev_set, &args)?;
    eprintln!("total {:.1?}", t0.elapsed());
    Ok(())
}

/// Prints the dev scores (and writes the dev dump if asked).
fn report(
    recognizer: &Recognizer,
    dev_set: &[akhbar::analyze::entities::train::Sentence],
    args: &Args,
) -> anyhow::Result<()> {
    if dev_set.is_empty() {
        return Ok(());
    }
    println!("{}", evaluate(recognizer, dev_set));
    if let Some(path) = &args.dump_dev {
        std::fs::write(path, dump(recognizer, dev_set))?;
    }
    Ok(())
}

fn dump(
    recognizer: &Recognizer,
    sentences: &[akhbar::analyze::entities::train::Sentence],
) -> String {
    let mut out = String::new();
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    // Tagged as `evaluate` tags them, with the document context of nearby sentences.
    let tagged = recognizer.tag_sentences(&words);
    for ((s, toks), pred) in sentences.iter().zip(&words).zip(&tagged) {
        for ((tok, gold), pred) in toks.iter().zip(&s.tags).zip(pred) {
            let pred = pred.name();
            let mark = if gold.name() == pred { "" } else { "  <<<" };
            out.push_str(&format!("{tok} {} {pred}{mark}\n", gold.name()));
        }
        out.push('\n');
    }
    out
}

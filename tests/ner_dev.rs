//! Guards the dev score: the committed 90% model (`assets/ner/model-dev90.bin`, produced by
//! `train-ner --dev-percent 10`, see the README) scored on the last 10% of ANERcorp's train
//! sentences, which it never saw. Loading and tagging stay fast in debug builds; training is
//! covered by `ner_train.rs` on a tiny input.

use std::fs::File;
use std::io::BufReader;

use akhbar::analyze::entities::Recognizer;
use akhbar::analyze::entities::train::{evaluate, read_conll, split_dev};

const TRAIN: &str = "../shared/data/anercorp/train.txt";
const DEV_MODEL: &[u8] = include_bytes!("../assets/ner/model-dev90.bin");

#[test]
fn dev_f1_does_not_regress() {
    let file = match File::open(TRAIN) {
        Ok(f) => f,
        Err(e) => panic!("{TRAIN} is needed for this test: {e}"),
    };
    let sentences = match read_conll(BufReader::new(file)) {
        Ok(s) => s,
        Err(e) => panic!("reading {TRAIN}: {e}"),
    };
    assert_eq!(sentences.len(), 3972);
    let (_, dev) = split_dev(&sentences, 10);
    let rec = match Recognizer::from_model_bytes(DEV_MODEL) {
        Ok(r) => r,
        Err(e) => panic!("loading the dev model: {e:#}"),
    };
    let scores = evaluate(&rec, dev);
    println!("{scores}");
    let micro = scores.micro().f1();
    assert!(
        micro >= 0.80,
        "dev micro F1 {micro:.4} fell below the target of 0.80\n{scores}"
    );
}

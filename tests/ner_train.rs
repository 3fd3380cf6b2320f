//! Training is reproducible: same inputs and seed, same model bytes (on a tiny input).

use akhbar::analyze::entities::clusters::{ClusterConfig, EmbedConfig, build_lexicon};
use akhbar::analyze::entities::train::{TrainConfig, read_conll, train};
use akhbar::analyze::entities::{Gazetteer, Model, Recognizer};

const TINY: &str = "\
زار B-PERS
بوتين I-PERS
موسكو B-LOC
. O

قال O
وزير O
المالية O
أنطون B-PERS
سيلوانوف I-PERS
في O
بكين B-LOC

أعلنت O
وزارة B-ORG
الخارجية I-ORG
أن O
الصين B-LOC
وروسيا B-LOC
شريكان O

وصل O
شي B-PERS
جين I-PERS
بينغ I-PERS
إلى O
هاربين B-LOC
";

const UNLABELED: [&str; 3] = [
    "زار الرئيس موسكو وبكين أمس\nوقال الوزير إن الصين وروسيا شريكان",
    "وصل الرئيس إلى هاربين ثم إلى بكين\nأعلنت الوزارة أن موسكو ستستضيف القمة",
    "قال الوزير إن التعاون بين الصين وروسيا قوي\nزار الوزير هاربين",
];

fn train_tiny(seed: u64) -> Vec<u8> {
    let sentences = match read_conll(TINY.as_bytes()) {
        Ok(s) => s,
        Err(e) => panic!("tiny CoNLL parses: {e}"),
    };
    assert_eq!(sentences.len(), 4);
    let docs: Vec<String> = UNLABELED.iter().map(|s| s.to_string()).collect();
    let ccfg = ClusterConfig {
        min_count: 1,
        ks: [2, 3, 4],
        embed: EmbedConfig {
            dims: 8,
            ..EmbedConfig::default()
        },
        seed,
        ..ClusterConfig::default()
    };
    let lexicon = build_lexicon(&docs, &ccfg);
    let tcfg = TrainConfig {
        epochs: 3,
        bits: 12,
        seed,
        folds: 2,
    };
    train(&sentences, lexicon, &Gazetteer::builtin(), &tcfg).to_bytes()
}

#[test]
fn same_seed_same_bytes() {
    let a = train_tiny(42);
    let b = train_tiny(42);
    assert_eq!(a, b);
    let model = Model::from_bytes(&a);
    assert!(model.as_ref().is_ok_and(|m| m.second.is_some()));
    let rec = Recognizer::from_model_bytes(&a);
    assert!(rec.is_ok_and(|r| r.tag_tokens(&["زار", "بوتين", "موسكو"]).len() == 3));
}

#[test]
fn conll_errors_are_reported() {
    assert!(read_conll("كلمة B-FOO\n".as_bytes()).is_err());
    assert!(read_conll("كلمة\n".as_bytes()).is_err());
    let ok = read_conll("a\tO\r\n\n\nb B-LOC\n".as_bytes());
    assert_eq!(ok.map(|s| s.len()).ok(), Some(2));
}

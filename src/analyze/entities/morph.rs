//! What a morphological analyser of Arabic says a word can be: a verb, a common noun, a proper
//! noun, a function word, or nothing it knows. A name is seldom also a verb form, and a
//! transliterated foreign name is usually a word no Arabic analysis explains, which word
//! clusters alone cannot tell for the rare words names are made of.
//!
//! The classes come from `assets/ner/morphology.tsv`, written by `tools/morphology.py` with the
//! qalsadi analyser over the arramooz dictionary (see `assets/ner/README.md`). Training reads
//! them into the lexicon's words ([`crate::analyze::entities::lexicon::WordInfo::morph`]), so
//! the model carries them and akhbar needs neither the table nor the analyser at run time.

use rustc_hash::FxHashMap;

use crate::text::normalize;

/// Can be a verb.
pub const VERB: u8 = 1;
/// Can be a common noun or adjective.
pub const NOUN: u8 = 2;
/// The dictionary lists it as a proper noun.
pub const PROPER: u8 = 4;
/// Can be a function word (preposition, pronoun, particle …).
pub const FUNCTION: u8 = 8;
/// The analyser found no analysis.
pub const UNANALYSED: u8 = 16;

/// Classes by normalized word: the union of the classes of every spelling that normalizes to
/// it (`أحمد` and `احمد` are one key).
pub type Morphology = FxHashMap<String, u8>;

/// Reads `form<TAB>letters` lines (letters from `VNPSU`, see the constants); blank lines,
/// `#` comments and unknown letters are skipped.
pub fn parse(text: &str) -> Morphology {
    let mut table = Morphology::default();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((form, letters)) = line.split_once('\t') else {
            continue;
        };
        let classes = letters.chars().fold(0, |bits, c| bits | class_bit(c));
        if classes != 0 {
            *table.entry(normalize(form)).or_insert(0) |= classes;
        }
    }
    table
}

fn class_bit(letter: char) -> u8 {
    match letter {
        'V' => VERB,
        'N' => NOUN,
        'P' => PROPER,
        'S' => FUNCTION,
        'U' => UNANALYSED,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_key_join_their_classes() {
        let table =
            parse("# form\tclasses\nأحمد\tNV\nاحمد\tP\nسيلوانوف\tU\nفي\tS\nbad line\n\nx\tZ\n");
        assert_eq!(table.get("احمد"), Some(&(NOUN | VERB | PROPER)));
        assert_eq!(table.get("سيلوانوف"), Some(&UNANALYSED));
        assert_eq!(table.get("في"), Some(&FUNCTION));
        assert_eq!(table.len(), 3);
    }
}

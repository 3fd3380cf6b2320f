//! Arabic text utilities shared by loading, analysis and search: normalization for matching,
//! digits in every script, and the word tokenizer.

pub mod digits;
pub mod normalize;

pub use normalize::{fold_char, normalize, normalize_into, normalize_name};
pub mod json;
pub mod printable;

pub use printable::printable;
pub mod tokenize;

pub use tokenize::{Token, split_proclitics, tokenize};

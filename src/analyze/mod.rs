//! Analysis of an article's logical text: named entities and key figures.

pub mod entities;
pub mod figures;

//! akhbar: a terminal reader for folders of saved Arabic news.
//!
//! Data flows one way: `load` → `analyze` → `layout` → `ui` (see the README's architecture
//! section). Article text stays in logical order everywhere except in `layout`'s output.

pub mod analyze;
pub mod app;
pub mod config;
pub mod headless;
pub mod layout;
pub mod load;
pub mod model;
pub mod store;
pub mod text;
pub mod ui;

//! The application: state, actions, the pure `update`, and the event loop that drives it.

pub mod action;
pub mod panel;
pub mod recognizer;
pub mod run;
pub mod state;
pub mod terminal;
pub mod update;

pub use action::{Action, Command, Pane};
pub use state::State;
pub use update::{Effect, update};

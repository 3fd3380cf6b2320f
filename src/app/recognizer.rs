//! The entity recognizer, shared by the UI thread and the background analyses, and loaded on
//! a thread of its own so that the first frame never waits for it (building the model and
//! the lists takes about 60 ms; the list of articles is on screen before that).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, OnceLock};
use std::thread;

use crate::analyze::entities::Recognizer;

/// A recognizer that may still be loading. Cloning shares it.
#[derive(Clone)]
pub struct SharedRecognizer(Arc<OnceLock<Option<Arc<Recognizer>>>>);

impl SharedRecognizer {
    /// One that is ready now (`None`: analyses find no entities).
    pub fn ready(recognizer: Option<Arc<Recognizer>>) -> Self {
        let cell = OnceLock::new();
        let _ = cell.set(recognizer);
        SharedRecognizer(Arc::new(cell))
    }

    /// Starts `load` on its own thread; `on_error` hears why it failed (then analyses find no
    /// entities). A load that panics counts as failed, so that nothing waits forever.
    pub fn load_in_background<F, E>(load: F, on_error: E) -> Self
    where
        F: FnOnce() -> anyhow::Result<Recognizer> + Send + 'static,
        E: FnOnce(String) + Send + 'static,
    {
        let shared = SharedRecognizer(Arc::new(OnceLock::new()));
        let cell = Arc::clone(&shared.0);
        thread::spawn(move || {
            let loaded = match catch_unwind(AssertUnwindSafe(load)) {
                Ok(Ok(recognizer)) => Some(Arc::new(recognizer)),
                Ok(Err(e)) => {
                    on_error(format!("entities unavailable: {e:#}"));
                    None
                }
                Err(_) => {
                    on_error("entities unavailable: the model failed to load".to_owned());
                    None
                }
            };
            let _ = cell.set(loaded);
        });
        shared
    }

    /// The recognizer, waiting for it if it is still loading.
    pub fn get(&self) -> Option<&Recognizer> {
        self.0.wait().as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_or_panicking_load_gives_none_and_says_why() {
        let (tx, rx) = std::sync::mpsc::channel();
        let tx2 = tx.clone();
        let failed = SharedRecognizer::load_in_background(
            || Err(anyhow::anyhow!("no model")),
            move |m| tx.send(m).unwrap_or(()),
        );
        assert!(failed.get().is_none());
        assert_eq!(
            rx.recv().ok().as_deref(),
            Some("entities unavailable: no model")
        );
        let panicked = SharedRecognizer::load_in_background(
            || panic!("corrupt"),
            move |m| tx2.send(m).unwrap_or(()),
        );
        assert!(panicked.get().is_none(), "waiting does not hang");
        assert!(rx.recv().is_ok_and(|m| m.contains("failed to load")));
    }

    #[test]
    fn a_background_load_is_shared_by_clones() {
        let shared = SharedRecognizer::load_in_background(Recognizer::load_default, |_| {});
        let clone = shared.clone();
        let tagged = thread::spawn(move || clone.get().map(|r| r.tag_tokens(&["موسكو"])));
        let here = shared.get().map(|r| r.tag_tokens(&["موسكو"]));
        assert!(here.is_some());
        assert_eq!(tagged.join().ok().flatten(), here);
        assert!(SharedRecognizer::ready(None).get().is_none());
    }
}

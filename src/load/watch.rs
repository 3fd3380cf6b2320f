//! Watching a folder: new, changed and deleted article files are reported (debounced) so the
//! library can re-index without a restart. Watching only reads; nothing is written.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use super::parse::format_of;

/// How long the folder must be quiet before a batch of changes is reported.
pub const DEBOUNCE: Duration = Duration::from_millis(400);

/// Keeps the watch alive; dropping it stops watching.
pub struct FolderWatch {
    _debouncer: Debouncer<RecommendedWatcher>,
}

/// Watches `root` recursively; `on_change` receives the changed article paths of each
/// debounced batch (files akhbar does not read are ignored).
pub fn watch(
    root: &Path,
    on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> Result<FolderWatch, String> {
    let mut debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
        if let Ok(events) = result {
            let paths: Vec<PathBuf> = events
                .into_iter()
                .map(|e| e.path)
                .filter(|p| format_of(p).is_some())
                .collect();
            if !paths.is_empty() {
                on_change(paths);
            }
        }
    })
    .map_err(|e| format!("cannot watch the folder: {e}"))?;
    debouncer
        .watcher()
        .watch(root, RecursiveMode::Recursive)
        .map_err(|e| format!("cannot watch the folder: {e}"))?;
    Ok(FolderWatch {
        _debouncer: debouncer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn reports_new_changed_and_deleted_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (tx, rx) = mpsc::channel();
        let _watch = watch(dir.path(), move |paths| {
            let _ = tx.send(paths);
        })
        .expect("watch");
        let file = dir.path().join("new.txt");
        std::fs::write(&file, "عنوان\nنص").expect("write");
        std::fs::write(dir.path().join("ignored.png"), [1, 2, 3]).expect("write");
        let batch = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a change is reported");
        assert!(batch.iter().any(|p| p.ends_with("new.txt")), "{batch:?}");
        assert!(
            !batch.iter().any(|p| p.ends_with("ignored.png")),
            "{batch:?}"
        );
        std::fs::remove_file(&file).expect("remove");
        let batch = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a deletion is reported");
        assert!(batch.iter().any(|p| p.ends_with("new.txt")), "{batch:?}");
    }
}

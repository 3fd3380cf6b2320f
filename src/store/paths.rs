//! Paths are stored as their raw bytes (BLOB) so that non-UTF-8 names round-trip exactly.

use std::path::{Path, PathBuf};

#[cfg(unix)]
pub fn to_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
pub fn from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
pub fn to_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
pub fn from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// The folder as stored: absolute and canonical when possible, so `./news` and
/// `/home/me/news` are the same folder.
pub fn canonical_folder(folder: &Path) -> PathBuf {
    std::fs::canonicalize(folder)
        .unwrap_or_else(|_| std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip() {
        let p = Path::new("/tmp/أخبار/مقال 1.txt");
        assert_eq!(from_bytes(to_bytes(p)), p);
    }
}

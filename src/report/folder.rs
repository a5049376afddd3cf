//! A report folder written whole or not at all: its files go into a
//! temporary folder beside it, which then takes the folder's place in one
//! step. A reader (a web server, a newsletter job) sees the old folder or the
//! new one, never half of one, and a rerun is safe.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A folder being written; `commit` puts it in place of `target`.
pub struct Staged {
    target: PathBuf,
    temp: PathBuf,
}

impl Staged {
    /// A fresh temporary folder beside `target` (its parent is created).
    pub fn new(target: &Path) -> io::Result<Staged> {
        let parent = target.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("report");
        let temp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if temp.exists() {
            fs::remove_dir_all(&temp)?;
        }
        fs::create_dir(&temp)?;
        Ok(Staged { target: target.to_path_buf(), temp })
    }

    /// Where to write the folder's files.
    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// Swaps the written folder in. Where the system can exchange two names
    /// in one step (Linux), the old folder is exchanged out and removed;
    /// elsewhere it is moved aside first, leaving a moment with no folder.
    pub fn commit(self) -> io::Result<()> {
        if self.target.exists() {
            if !exchange(&self.temp, &self.target)? {
                let aside = self.temp.with_extension("old");
                fs::rename(&self.target, &aside)?;
                fs::rename(&self.temp, &self.target)?;
                fs::remove_dir_all(&aside)?;
                return Ok(());
            }
            // The old folder now sits at the temporary name.
            fs::remove_dir_all(&self.temp)?;
        } else {
            fs::rename(&self.temp, &self.target)?;
        }
        Ok(())
    }
}

impl Drop for Staged {
    /// A folder never committed (an error on the way) is removed.
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.temp);
    }
}

/// Exchanges two paths atomically; false where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths; renameat2 only reads them.
    let r = unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    // A file system or kernel without the exchange: fall back.
    match e.raw_os_error() {
        Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::EOPNOTSUPP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rerun_replaces_the_folder_whole_and_leaves_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("2024-04");
        for text in ["first", "second"] {
            let staged = Staged::new(&target).unwrap();
            fs::write(staged.path().join("summary.md"), text).unwrap();
            if text == "first" {
                fs::write(staged.path().join("old-only.csv"), "x").unwrap();
            }
            staged.commit().unwrap();
        }
        assert_eq!(fs::read_to_string(target.join("summary.md")).unwrap(), "second");
        assert!(!target.join("old-only.csv").exists(), "the old folder's files went with it");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["2024-04"]);
    }

    #[test]
    fn a_folder_never_committed_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("2024-05");
        {
            let staged = Staged::new(&target).unwrap();
            fs::write(staged.path().join("summary.md"), "half").unwrap();
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}

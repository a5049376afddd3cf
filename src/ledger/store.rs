//! The ledger folder. A batch of rows is one Parquet file, written to a
//! temporary name and renamed into place, so a reader or a crash sees it whole
//! or not at all. An index of article ids (sharded by hash, and rebuilt from
//! any batch it has not seen) makes re-ingesting an article a no-op at a cost
//! that grows with the batch, not the ledger. One ingest at a time holds the
//! lock file; another waits and says so.
//!
//! ```text
//! ledger/
//!   _ledger.json             marks the folder as a ledger and its schema version
//!   batch-<time>-<pid>.parquet
//!   _index/ids-<00..ff>.txt  article ids, by the first byte of their SHA-256
//!   _index/batches.txt       the batches the index holds
//!   .lock                    the pid of the ingest at work
//! ```

use super::schema::{to_dataframe, LedgerRow, SCHEMA_VERSION};
use crate::article::Article;
use polars::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct LedgerError(pub String);

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LedgerError {}

fn io_err(path: &Path, what: &str, e: impl fmt::Display) -> LedgerError {
    LedgerError(format!("{}: {what}: {e}", path.display()))
}

/// What an ingest did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct IngestSummary {
    pub articles_read: usize,
    pub articles_added: usize,
    pub duplicates: usize,
    pub mentions_added: usize,
    pub failed: usize,
    /// Files of the folders read that were not articles.
    pub skipped: Vec<crate::article::Skipped>,
}

/// A ledger folder.
#[derive(Debug, Clone)]
pub struct Ledger {
    dir: PathBuf,
}

const MARKER: &str = "_ledger.json";
const INDEX: &str = "_index";
const LOCK: &str = ".lock";

impl Ledger {
    /// Opens the ledger at `dir`, creating it when the folder is missing or
    /// empty. A folder with other files in it, or a ledger of a newer schema,
    /// is refused.
    pub fn open(dir: &Path) -> Result<Ledger, LedgerError> {
        let marker = dir.join(MARKER);
        if !dir.exists() {
            fs::create_dir_all(dir).map_err(|e| io_err(dir, "cannot create the ledger folder", e))?;
        }
        if !dir.is_dir() {
            return Err(LedgerError(format!("{}: not a folder", dir.display())));
        }
        if marker.exists() {
            check_marker(dir, &marker)?;
        } else {
            // Hidden files are no one's data; the marker half-written and
            // the index are another aidledger creating this ledger right now.
            let others =
                fs::read_dir(dir).map_err(|e| io_err(dir, "cannot list", e))?.filter_map(Result::ok).any(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    !(name.starts_with('.') || name == INDEX || name.starts_with(&format!("{MARKER}.")))
                });
            if !others {
                let body = format!("{{\"format\": \"aidledger\", \"schema_version\": {SCHEMA_VERSION}}}\n");
                write_atomically(&marker, body.as_bytes())?;
            } else if marker.exists() {
                // Another aidledger created the ledger between our first look
                // and the listing: it renames the marker into place before it
                // writes any batch, so the files seen are its, and the marker
                // is there to check now.
                check_marker(dir, &marker)?;
            } else {
                return Err(LedgerError(format!(
                    "{}: this folder holds other files and is not a ledger (no {MARKER}); give an empty or new folder",
                    dir.display()
                )));
            }
        }
        fs::create_dir_all(dir.join(INDEX)).map_err(|e| io_err(dir, "cannot create the index folder", e))?;
        Ok(Ledger { dir: dir.to_path_buf() })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Takes the ledger's lock, waiting while another aidledger holds it. A
    /// process that ends, killed or not, lets go of it.
    pub fn lock(&self) -> Result<LockGuard, LedgerError> {
        // An advisory lock the kernel holds for the process: released when
        // the holder ends, however it ends, so there is no stale lock to
        // detect (reading a holder's pid from the file raced with its
        // writing: a half-written pid read as a dead process's, and two
        // ingests took the lock at once). The file itself stays.
        let path = self.dir.join(LOCK);
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| io_err(&path, "cannot open the lock", e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                eprintln!("aidledger: waiting for the ledger lock {} (another aidledger holds it)", path.display());
                file.lock().map_err(|e| io_err(&path, "cannot take the lock", e))?;
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_err(&path, "cannot take the lock", e)),
        }
        // Who holds it, for a person looking.
        let _ = file.set_len(0).and_then(|_| writeln!(file, "{}", std::process::id()));
        Ok(LockGuard { _file: file })
    }

    /// Batch files, in name (and so time) order.
    pub fn batch_files(&self) -> Result<Vec<PathBuf>, LedgerError> {
        let mut files: Vec<PathBuf> = fs::read_dir(&self.dir)
            .map_err(|e| io_err(&self.dir, "cannot list", e))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "parquet"))
            .collect();
        files.sort();
        Ok(files)
    }

    /// After a crash: removes half-written files, finishes or undoes a
    /// compaction, and brings the index up to the batches on disk. Called
    /// with the lock held.
    pub fn recover(&self) -> Result<(), LedgerError> {
        let plan = self.dir.join(INDEX).join("compacting.txt");
        if let Ok(text) = fs::read_to_string(&plan) {
            let mut lines = text.lines();
            if let Some(merged) = lines.next() {
                // The merged file made it into place: the old ones must go.
                if self.dir.join(merged).exists() && text.ends_with('\n') {
                    for old in lines {
                        let _ = fs::remove_file(self.dir.join(old));
                    }
                }
            }
            let _ = fs::remove_file(&plan);
        }
        for entry in fs::read_dir(&self.dir).map_err(|e| io_err(&self.dir, "cannot list", e))?.filter_map(Result::ok) {
            if entry.file_name().to_string_lossy().ends_with(".partial") {
                let _ = fs::remove_file(entry.path());
            }
        }
        let indexed = self.indexed_batches()?;
        for file in self.batch_files()? {
            let name = file_name(&file);
            if indexed.contains(&name) {
                continue;
            }
            let ids = read_article_ids(&file)?;
            self.add_to_index(&name, ids.iter().map(String::as_str))?;
        }
        Ok(())
    }

    fn indexed_batches(&self) -> Result<HashSet<String>, LedgerError> {
        read_lines(&self.dir.join(INDEX).join("batches.txt"))
    }

    fn shard_path(&self, shard: u8) -> PathBuf {
        self.dir.join(INDEX).join(format!("ids-{shard:02x}.txt"))
    }

    fn read_shard(&self, shard: u8) -> Result<HashSet<String>, LedgerError> {
        read_lines(&self.shard_path(shard))
    }

    /// The article ids among `ids` that the ledger already holds: only the
    /// index shards those ids fall in are read.
    pub fn known<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Result<HashSet<String>, LedgerError> {
        let mut by_shard: BTreeMap<u8, Vec<&str>> = BTreeMap::new();
        for id in ids {
            by_shard.entry(shard_of(id)).or_default().push(id);
        }
        let mut known = HashSet::new();
        for (shard, ids) in by_shard {
            let held = self.read_shard(shard)?;
            known.extend(ids.into_iter().filter(|id| held.contains(*id)).map(str::to_string));
        }
        Ok(known)
    }

    /// Adds a batch's article ids to the index, then records the batch as
    /// indexed. Lines are appended (the cost is the batch's, not the
    /// ledger's); a line cut short by a crash is ignored on reading, and a
    /// batch not yet recorded is indexed again by `recover`.
    fn add_to_index<'a>(&self, batch: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), LedgerError> {
        let mut by_shard: BTreeMap<u8, String> = BTreeMap::new();
        for id in ids {
            let lines = by_shard.entry(shard_of(id)).or_default();
            lines.push_str(id);
            lines.push('\n');
        }
        for (shard, lines) in by_shard {
            append_lines(&self.shard_path(shard), &lines)?;
        }
        append_lines(&self.dir.join(INDEX).join("batches.txt"), &format!("{batch}\n"))
    }

    /// Writes the rows of `articles` the ledger does not hold yet as one
    /// batch. Called with the lock held.
    pub fn append_batch(
        &self,
        articles: &[Article],
        rows: Vec<LedgerRow>,
        summary: &mut IngestSummary,
    ) -> Result<(), LedgerError> {
        if articles.is_empty() {
            return Ok(());
        }
        let known = self.known(articles.iter().map(|a| a.id.as_str()))?;
        // The same article twice in one batch counts once.
        let mut seen: HashSet<&str> = HashSet::new();
        let mut fresh: HashSet<&str> = HashSet::new();
        for a in articles {
            if known.contains(&a.id) || !seen.insert(a.id.as_str()) {
                summary.duplicates += 1;
            } else {
                fresh.insert(a.id.as_str());
            }
        }
        // Rows of an article read twice in one batch: the first reading's.
        let rows = dedup_mentions(rows.into_iter().filter(|r| fresh.contains(r.article_id.as_str())).collect());
        summary.articles_added += fresh.len();
        summary.mentions_added += rows.len();
        let name = format!("batch-{}-{}.parquet", chrono::Utc::now().format("%Y%m%dT%H%M%S%6f"), std::process::id());
        if !rows.is_empty() {
            let mut df = to_dataframe(&rows).map_err(|e| LedgerError(format!("building the batch: {e}")))?;
            let path = self.dir.join(&name);
            let partial = write_partial(&self.dir, &name, &mut df)?;
            fs::rename(&partial, &path).map_err(|e| io_err(&path, "cannot rename into place", e))?;
            sync_dir(&self.dir);
        }
        if fresh.is_empty() {
            return Ok(());
        }
        // Articles with no mentions are remembered too, so a re-ingest skips them.
        self.add_to_index(&name, fresh.iter().copied())
    }

    /// Merges every batch into one file, for readers that prefer few files.
    /// The plan is written first, then the merged file is renamed into place,
    /// then the old files go; a crash at any step is finished or undone by
    /// the next `recover`. Returns the number of files merged and of rows.
    pub fn compact(&self) -> Result<(usize, usize), LedgerError> {
        let _lock = self.lock()?;
        self.recover()?;
        let files = self.batch_files()?;
        if files.len() < 2 {
            return Ok((files.len(), 0));
        }
        let Some(lf) = self.scan()? else { return Ok((0, 0)) };
        let mut df = lf
            .sort(["published", "article_id", "start"], SortMultipleOptions::default().with_nulls_last(true))
            .collect()
            .map_err(|e| LedgerError(format!("{}: cannot read the ledger: {e}", self.dir.display())))?;
        let name =
            format!("batch-{}-{}-compact.parquet", chrono::Utc::now().format("%Y%m%dT%H%M%S%6f"), std::process::id());
        let partial = write_partial(&self.dir, &name, &mut df)?;
        let mut plan = format!("{name}\n");
        for f in &files {
            plan.push_str(&file_name(f));
            plan.push('\n');
        }
        write_atomically(&self.dir.join(INDEX).join("compacting.txt"), plan.as_bytes())?;
        fs::rename(&partial, self.dir.join(&name)).map_err(|e| io_err(&partial, "cannot rename into place", e))?;
        sync_dir(&self.dir);
        append_lines(&self.dir.join(INDEX).join("batches.txt"), &format!("{name}\n"))?;
        for f in &files {
            fs::remove_file(f).map_err(|e| io_err(f, "cannot remove", e))?;
        }
        sync_dir(&self.dir);
        let _ = fs::remove_file(self.dir.join(INDEX).join("compacting.txt"));
        Ok((files.len(), df.height()))
    }

    /// A lazy scan over every batch; an empty ledger scans as no rows.
    pub fn scan(&self) -> Result<Option<LazyFrame>, LedgerError> {
        let files = self.batch_files()?;
        if files.is_empty() {
            return Ok(None);
        }
        let paths: Vec<PlRefPath> = files
            .into_iter()
            .map(|p| PlRefPath::try_from_pathbuf(p.clone()).map_err(|e| io_err(&p, "bad path", e)))
            .collect::<Result<_, _>>()?;
        // The current columns, so a batch written before a column was added
        // (published_from) reads with that column empty.
        let schema = to_dataframe(&[]).map(|df| df.schema().clone()).map_err(|e| LedgerError(e.to_string()))?;
        let args = ScanArgsParquet { schema: Some(schema), allow_missing_columns: true, ..Default::default() };
        let lf = LazyFrame::scan_parquet_files(paths.into_iter().collect(), args)
            .map_err(|e| LedgerError(format!("{}: cannot read the ledger: {e}", self.dir.display())))?;
        Ok(Some(lf))
    }
}

fn dedup_mentions(rows: Vec<LedgerRow>) -> Vec<LedgerRow> {
    let mut seen: HashSet<String> = HashSet::new();
    rows.into_iter().filter(|r| seen.insert(r.mention_id.clone())).collect()
}

/// The lock of a running ingest; let go when dropped or when the process ends.
pub struct LockGuard {
    /// The open lock file; closing it releases the lock.
    _file: fs::File,
}

fn shard_of(id: &str) -> u8 {
    Sha256::digest(id.as_bytes())[0]
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The complete lines of a file (a last line without its newline was cut
/// short by a crash and does not count); no file is no lines.
fn read_lines(path: &Path) -> Result<HashSet<String>, LedgerError> {
    match fs::read_to_string(path) {
        Ok(t) => {
            let complete = match t.rfind('\n') {
                Some(p) => &t[..p],
                None => "",
            };
            Ok(complete.lines().filter(|l| !l.is_empty()).map(str::to_string).collect())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(HashSet::new()),
        Err(e) => Err(io_err(path, "cannot read", e)),
    }
}

/// Appends whole lines, starting on a fresh line if a crash cut the last one.
fn append_lines(path: &Path, lines: &str) -> Result<(), LedgerError> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = fs::OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(path)
        .map_err(|e| io_err(path, "cannot open", e))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let mut last = [b'\n'];
    if len > 0 {
        f.seek(SeekFrom::Start(len - 1))
            .and_then(|_| f.read_exact(&mut last))
            .map_err(|e| io_err(path, "cannot read", e))?;
    }
    let cut = last[0] != b'\n';
    if cut {
        f.write_all(b"\n").map_err(|e| io_err(path, "cannot write", e))?;
    }
    f.write_all(lines.as_bytes()).map_err(|e| io_err(path, "cannot write", e))?;
    f.sync_all().map_err(|e| io_err(path, "cannot sync", e))
}

/// Writes a file through a temporary name and a rename.
/// Writes `df` as Parquet to `<name>.partial` in `dir` and syncs it; the
/// caller renames it into place once the rest of its plan is on disk, so a
/// reader never sees half a batch.
fn write_partial(dir: &Path, name: &str, df: &mut DataFrame) -> Result<PathBuf, LedgerError> {
    let partial = dir.join(format!("{name}.partial"));
    let file = fs::File::create(&partial).map_err(|e| io_err(&partial, "cannot create", e))?;
    let mut file = std::io::BufWriter::new(file);
    ParquetWriter::new(&mut file).finish(df).map_err(|e| io_err(&partial, "cannot write", e))?;
    let file = file.into_inner().map_err(|e| io_err(&partial, "cannot write", e))?;
    file.sync_all().map_err(|e| io_err(&partial, "cannot sync", e))?;
    Ok(partial)
}

/// Refuses a marker that is not aidledger's, or of a newer schema.
fn check_marker(dir: &Path, marker: &Path) -> Result<(), LedgerError> {
    let text = fs::read_to_string(marker).map_err(|e| io_err(marker, "cannot read", e))?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| io_err(marker, "not a ledger marker", e))?;
    let version = v.get("schema_version").and_then(serde_json::Value::as_u64).unwrap_or(0);
    if v.get("format").and_then(serde_json::Value::as_str) != Some("aidledger") {
        return Err(LedgerError(format!("{}: not an aidledger ledger marker", marker.display())));
    }
    if version > SCHEMA_VERSION as u64 {
        return Err(LedgerError(format!(
            "{}: the ledger has schema version {version}, newer than this aidledger's {SCHEMA_VERSION}; upgrade aidledger",
            dir.display()
        )));
    }
    Ok(())
}

/// The temporary file is the process's own: two processes writing the same
/// file at once must not write into each other's.
fn write_atomically(path: &Path, body: &[u8]) -> Result<(), LedgerError> {
    let tmp = path.with_extension(format!(
        "{}.{}.partial",
        path.extension().map(|e| e.to_string_lossy()).unwrap_or_default(),
        std::process::id()
    ));
    let mut f = fs::File::create(&tmp).map_err(|e| io_err(&tmp, "cannot create", e))?;
    f.write_all(body).map_err(|e| io_err(&tmp, "cannot write", e))?;
    f.sync_all().map_err(|e| io_err(&tmp, "cannot sync", e))?;
    fs::rename(&tmp, path).map_err(|e| io_err(path, "cannot rename into place", e))
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The article ids of one batch file (for rebuilding the index).
fn read_article_ids(file: &Path) -> Result<Vec<String>, LedgerError> {
    let path = PlRefPath::try_from_pathbuf(file.to_path_buf()).map_err(|e| io_err(file, "bad path", e))?;
    let df = LazyFrame::scan_parquet(path, ScanArgsParquet::default())
        .and_then(|lf| lf.select([col("article_id")]).unique(None, UniqueKeepStrategy::Any).collect())
        .map_err(|e| io_err(file, "cannot read the batch", e))?;
    let ids = df
        .column("article_id")
        .and_then(|c| c.str().map(|s| (0..s.len()).filter_map(|i| s.get(i)).map(str::to_string).collect()))
        .map_err(|e| io_err(file, "no article_id column", e))?;
    Ok(ids)
}

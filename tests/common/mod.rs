//! Helpers shared by the integration tests: run the real binary in a
//! scratch folder, and find the measurement data beside the project.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_aidledger"))
}

pub fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().expect("the binary runs")
}

pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("stdin is piped").write_all(input).expect("write stdin");
    child.wait_with_output().expect("the binary ends")
}

pub fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// ../shared, when this checkout sits beside it; otherwise the reason a test
/// that needs it is skipped is printed.
pub fn shared(why: &str) -> Option<PathBuf> {
    let p = project().join("../shared");
    if p.join("corpus/dev.jsonl").is_file() {
        Some(p)
    } else {
        skip(&format!("{why} needs ../shared (the measurement data beside the project), which is absent here"));
        None
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json_lines(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// Says why a test skips, past the test harness's output capture (which
/// only takes the print macros), so that `cargo test` shows it.
pub fn skip(reason: &str) {
    let _ = writeln!(std::io::stderr(), "skipped: {reason}");
}

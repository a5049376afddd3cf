//! Reconciliation: figures of one metric put side by side. `tolerance`
//! decides when two figures agree; `timeline` finds the consensus as of each
//! date; `findings` runs the checks over both.

pub mod compare;
pub mod figure;
pub mod findings;
pub mod timeline;
pub mod tolerance;

#[cfg(test)]
mod testkit;

pub use compare::{compare, Comparison, Standing};
pub use figure::{figures, Figure, Figures, Frame, Row};
pub use findings::{findings, Finding, Findings, Kind, Settings, COLUMNS as FINDING_COLUMNS};
pub use timeline::{consensus, timelines, Consensus, Timeline, TimelineRow, COLUMNS as TIMELINE_COLUMNS};
pub use tolerance::{agree, Interval};

use crate::ledger::query::{select, Filter};
use crate::ledger::{Ledger, LedgerError};

/// The ledger columns reconciliation reads, for every row or one metric's,
/// ready for `figures`.
pub fn load(ledger: &Ledger, metric: Option<&str>) -> Result<Frame, LedgerError> {
    let columns: Vec<&str> = figure::KEPT_COLUMNS.iter().chain(&figure::READ_ONCE_COLUMNS).copied().collect();
    let df = select(ledger, &Filter { metric: metric.map(str::to_string), ..Filter::default() }, &columns)?;
    Frame::split(df).map_err(|e| LedgerError(format!("{}: {e}", ledger.dir().display())))
}

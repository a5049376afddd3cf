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
pub use figure::{figures, Figure};
pub use findings::{findings, Finding, Kind, Settings, COLUMNS as FINDING_COLUMNS};
pub use timeline::{consensus, timelines, Consensus, TimelineRow, COLUMNS as TIMELINE_COLUMNS};
pub use tolerance::{agree, Interval};

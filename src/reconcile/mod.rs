//! Reconciliation: figures of one metric put side by side. `tolerance`
//! decides when two figures agree; `timeline` finds the consensus as of each
//! date; findings build on both.

pub mod figure;
pub mod timeline;
pub mod tolerance;

pub use figure::{figures, Figure};
pub use timeline::{consensus, timelines, Consensus, TimelineRow};
pub use tolerance::{agree, Interval};

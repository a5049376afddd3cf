//! Reports people open: Markdown pages and CSV files written from the
//! ledger. `summary` is a calendar month's; `folder` writes a report folder
//! so that a reader never sees half of one.

pub mod chart;
pub mod folder;
pub mod markdown;
pub mod summary;

pub use summary::{summarize, Month, MonthSummary};

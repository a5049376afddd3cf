//! aidledger: turns news articles into a ledger of the money figures they
//! report. The library holds every stage (read, extract, evaluate); the
//! binary in `main.rs` only parses flags and calls it.

pub mod allocator;
pub mod article;
pub mod classify;
pub mod eval;
pub mod extract;
pub mod fx;
pub mod labels;
pub mod ledger;
pub mod lexicon;
pub mod output;
pub mod reconcile;
pub mod report;

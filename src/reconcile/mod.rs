//! Reconciliation: figures of one metric put side by side. This first part
//! decides when two figures agree; timelines, consensus and findings build
//! on it.

pub mod tolerance;

pub use tolerance::{agree, Interval};

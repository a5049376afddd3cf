//! The allocator the binary and the benchmarks run on: mimalloc, tuned for
//! reconciliation. Reconciling ten million rows moves gigabytes through
//! vectors that live for a moment each (figures read, grouped by metric,
//! put in date order). Both the system allocator and mimalloc's defaults
//! hand such memory back to the kernel at once and fault it in again for
//! the next vector: measured in benches/reconcile.rs, that was more time in
//! the kernel than in the work (10.9 s with the system allocator, 13.3 s
//! with mimalloc's defaults, 5.5 s tuned as below, on the same ledger).

pub type Allocator = mimalloc::MiMalloc;

/// mimalloc's option numbers (`mi_option_e` in its mimalloc.h, the same in
/// its v2 and v3; the enum keeps retired options' places so numbers never
/// move). The Rust binding names only some of them.
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep freed memory for a second before returning it, and commit arenas
/// whole: a vector freed is the next one's memory. Call first thing in
/// `main`; an environment variable (MIMALLOC_PURGE_DELAY, ...) set by the
/// user still wins, as mimalloc reads those only for options not set here.
pub fn tune() {
    // SAFETY: mi_option_set only stores a number in mimalloc's option table;
    // both numbers are options this mimalloc knows (see above).
    unsafe {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 1000);
        }
        if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_none() {
            libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 1);
        }
    }
}

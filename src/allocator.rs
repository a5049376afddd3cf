//! The allocator the binary and the benchmarks run on: mimalloc, with
//! transparent huge pages turned off for the process.
//!
//! Reconciling ten million rows touches about 4 GB the process has not
//! touched before. On a virtual machine that hands idle memory back to its
//! host (a balloon with free page reporting, as on this project's
//! machines), each fresh 2 MiB huge page is faulted in whole from the host.
//! Measured with a C program writing 2 GB of fresh memory twice: 1.7–4.8 s
//! for the first write in huge pages after the machine sat idle a few
//! seconds (0.14–0.19 s when run again at once), and 0.7–0.9 s in 4 KiB
//! pages either way. The 10-million-row bench, each run after the machine
//! sat idle, took 11.2–12.3 s with mimalloc's defaults and 5.8–8.3 s with
//! huge pages off.
//!
//! mimalloc's other defaults already suit this work: freed memory is kept
//! for a second (purge_delay 1000 ms) and arenas are committed whole on
//! Linux, so a vector freed is the next one's memory.

pub type Allocator = mimalloc::MiMalloc;

/// mimalloc's option number for transparent huge pages (`mi_option_e` in
/// its v3 mimalloc.h, the version this crate builds; the enum keeps retired
/// options' places so numbers never move). The Rust binding does not name it.
const ALLOW_THP: libmimalloc_sys::mi_option_t = 43;

/// Turns transparent huge pages off, unless the user set
/// MIMALLOC_ALLOW_THP (then mimalloc has already done as told). Call first
/// thing in `main`.
pub fn tune() {
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_some() {
        return;
    }
    // SAFETY: mi_option_set only stores a number in mimalloc's option table,
    // for an option this mimalloc knows (see above).
    unsafe { libmimalloc_sys::mi_option_set(ALLOW_THP, 0) };
    // mimalloc decides on huge pages when it starts, before `main`, and may
    // already have asked for them on its first arena; the option only stops
    // it asking again. The kernel's per-process switch covers memory mapped
    // before and after (mimalloc flips the same switch itself when the
    // option is off at its start).
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes one integer argument and changes only
    // how this process's later page faults are served.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option number points at the option meant (a mimalloc upgrade
    /// that moved it would turn the wrong knob without a word).
    #[test]
    fn option_number_names_the_option_meant() {
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_some() {
            eprintln!("skipped: MIMALLOC_ALLOW_THP is set in the environment");
            return;
        }
        // SAFETY: mi_option_get only reads mimalloc's option table.
        let get = |o| unsafe { libmimalloc_sys::mi_option_get(o) };
        // Its neighbours' defaults, then its own: a shifted enum would show
        // another option's default here.
        assert_eq!(get(ALLOW_THP - 1), 32, "page_cross_thread_max_reclaim defaults to 32");
        assert_eq!(get(ALLOW_THP), 1, "allow_thp defaults to 1 on Linux");
        assert_eq!(get(ALLOW_THP + 2), 2 * 1024 * 1024, "arena_max_object_size defaults to 2 GiB (in KiB)");
    }
}

//! The article readers on any bytes, in every format: errors are fine,
//! panics are not.
#![no_main]

use aidledger::article::{read_bytes, read_stream, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let label = &mut |r: Result<aidledger::article::Article, aidledger::article::ReadError>| {
        if let Ok(a) = r {
            let mentions = aidledger::extract::extract(&a.text);
            let _ = aidledger::classify::classify(&a, &mentions, aidledger::lexicon::Lexicon::default_lexicon());
        }
    };
    for format in [None, Some(Format::Text), Some(Format::Html), Some(Format::Jsonl), Some(Format::Csv)] {
        read_bytes("fuzz", data, format, label);
        // As files and pipes are read: a record at a time, through a buffer
        // small enough that records and characters straddle its refills.
        read_stream("fuzz", &mut std::io::BufReader::with_capacity(7, data), format, label);
    }
});

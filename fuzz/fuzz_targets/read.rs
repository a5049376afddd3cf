//! The article readers on any bytes, in every format: errors are fine,
//! panics are not.
#![no_main]

use aidledger::article::{read_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [None, Some(Format::Text), Some(Format::Html), Some(Format::Jsonl), Some(Format::Csv)] {
        read_bytes("fuzz", data, format, &mut |r| {
            if let Ok(a) = r {
                let mentions = aidledger::extract::extract(&a.text);
                let _ = aidledger::classify::classify(&a, &mentions, aidledger::lexicon::Lexicon::default_lexicon());
            }
        });
    }
});

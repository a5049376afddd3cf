//! The money parser on any text: it must never panic, never hang, and every
//! mention must slice out its own surface.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mentions = aidledger::extract::extract(text);
    let mut last_end = 0;
    for m in &mentions {
        assert!(m.byte_start >= last_end, "mentions overlap or go backwards");
        assert!(m.byte_start < m.byte_end && m.byte_end <= text.len());
        assert_eq!(&text[m.byte_start..m.byte_end], m.surface);
        assert_eq!(text[..m.byte_start].chars().count(), m.start);
        assert_eq!(m.end - m.start, m.surface.chars().count());
        if let Some(max) = m.value_max {
            assert!(max >= m.value, "a range runs upwards");
        }
        last_end = m.byte_end;
    }
});

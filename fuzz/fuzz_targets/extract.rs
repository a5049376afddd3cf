//! The money parser and the labels on any text: they must never panic,
//! never hang, every mention must slice out its own surface, and every
//! metric must read back as itself.
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
    let article = aidledger::article::Article::new(None, None, None, None, None, text.to_string(), "fuzz".into());
    let labels = aidledger::classify::classify(&article, &mentions, aidledger::lexicon::Lexicon::default_lexicon());
    assert_eq!(labels.len(), mentions.len());
    for c in &labels {
        // The metric written as the ledger writes it reads back as the same key.
        let slug = c.metric.to_string();
        assert_eq!(aidledger::labels::MetricKey::parse(&slug).map(|k| k.to_string()), Some(slug));
        for w in &c.explain {
            let _ = (w.cue(text), w.at(text));
        }
    }
});

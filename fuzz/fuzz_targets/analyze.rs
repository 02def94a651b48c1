//! Fuzz `analyze`: every stage runs unguarded (a panic is a crash), then every invariant of
//! `tests/invariants` is checked (a violation is a crash too). The first byte picks the
//! options, the rest is the text (lossily decoded, so any bytes are a valid input).
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let clean = flags & 1 == 0;
    let doc = invariants::run_stages_unguarded(&text, clean);
    // to_original is O(edits) per offset: sample about 128 offsets per input
    let step = (text.len() / 128).max(1);
    invariants::assert_ok(&doc, step);
    if flags & 2 != 0 {
        // the guarded pipeline (which may skip prose stages on non-articles) keeps the
        // invariants too, and is deterministic
        invariants::assert_ok(&lede::analyze(&text, &lede::Options { clean }), step);
        // determinism costs two more runs: one input in four
        if flags & 4 != 0 {
            assert_eq!(invariants::wire_json(&text, clean), invariants::wire_json(&text, clean), "not deterministic");
        }
    }
});

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
    invariants::assert_ok(&doc, 1);
    if flags & 2 != 0 {
        // determinism, and the guarded pipeline agrees with the unguarded stages
        let a = invariants::wire_json(&text, clean);
        let b = serde_json::to_string(&lede::wire::to_wire(&doc)).unwrap();
        assert_eq!(a, b, "analyze and the unguarded stages disagree");
    }
});

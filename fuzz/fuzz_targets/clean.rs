//! Fuzz the cleaning stage alone: no panic, a consistent edit log that replays to the cleaned
//! text, `to_original` mapping every cleaned offset back, and UTF-16 wire offsets that slice
//! back to the same text.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut doc = lede::Doc::new(&text);
    lede::clean::clean_stage(&mut doc);
    let mut problems = invariants::check_edits(&doc);
    if problems.is_empty() {
        problems.extend(invariants::check_to_original(&doc, 1));
        problems.extend(invariants::check_wire(&doc, 1));
    }
    assert!(problems.is_empty(), "clean of {:?}: {}", text, problems.join("; "));
    // the wasm `clean()` export path
    let _ = serde_json::to_string(&lede::wire::to_wire_clean(&doc)).unwrap();
});

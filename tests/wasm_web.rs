//! The JS boundary in a real browser (`wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_common;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units() {
    wasm_common::offsets_are_utf16_code_units();
}

#[wasm_bindgen_test]
fn errors_are_js_errors_not_traps() {
    wasm_common::errors_are_js_errors_not_traps();
}

#[wasm_bindgen_test]
fn clean_reports_edits_in_utf16() {
    wasm_common::clean_reports_edits_in_utf16();
}

#[wasm_bindgen_test]
fn no_clean_option_keeps_text() {
    wasm_common::no_clean_option_keeps_text();
}

#[wasm_bindgen_test]
fn the_tape_gives_what_serde_wasm_bindgen_gives() {
    wasm_common::the_tape_gives_what_serde_wasm_bindgen_gives();
}

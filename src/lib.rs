//! lede: an in-browser article annotator. Entities, claims (who says what) and disputed issues,
//! found by a Rust core that runs on the reader's device.
//!
//! Native callers use [`analyze`] and [`wire::to_wire`]. This file also holds the wasm-bindgen
//! exports (`annotate`, `clean`, `version`), the only JS boundary; everything else is plain Rust.

// the wasm build's allocator (natively only its tests build)
#[cfg(any(target_arch = "wasm32", test))]
mod alloc;
pub mod claims;
pub mod clean;
pub mod disputes;
pub mod doc;
pub mod entities;
pub mod lexicon;
pub mod pipeline;
pub mod sentences;
pub(crate) mod hash;
mod sort;
pub(crate) mod text;
pub mod tokenize;
pub mod wire;

pub use doc::{Doc, Span};
pub use pipeline::{analyze, Options};

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: alloc::WasmAlloc = alloc::Allocator::new(alloc::WasmMemory, std::alloc::System);

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys;

#[wasm_bindgen(module = "/src/unpack.js")]
extern "C" {
    /// Rebuilds a value from its [`wire::Tape`].
    fn unpack(tape: &[u32], numbers: &[f64], strings: &str, ends: &[u32]) -> JsValue;
}

/// `value` as a JS value through a [`wire::Tape`]: the value `serde-wasm-bindgen`'s
/// JSON-compatible serializer builds (the tests compare them), in one call to JS instead of one
/// per object, field and string (a large result's main cost).
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let t = wire::to_tape(value).map_err(|e| JsError::new(&format!("lede: cannot serialise result: {e}")))?;
    Ok(unpack(&t.tape, &t.numbers, &t.strings, &t.ends))
}

fn options_from_js(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    // read the object's own fields with Reflect (no JSON decoder in the wasm: it cost ~10 KB)
    let bad = |e: String| JsError::new(&format!("lede: bad options: {e}"));
    let Some(obj) = options.dyn_ref::<js_sys::Object>().filter(|_| !options.is_function() && !js_sys::Array::is_array(&options)) else {
        return Err(bad(format!("options must be an object, not {}", options.js_typeof().as_string().unwrap_or_default())));
    };
    let mut fields = Vec::new();
    for key in js_sys::Object::keys(obj).iter() {
        let name = key.as_string().unwrap_or_default();
        let value = js_sys::Reflect::get(obj, &key).unwrap_or(JsValue::UNDEFINED);
        let value = match value.as_bool() {
            Some(b) => wire::OptionValue::Bool(b),
            None => wire::OptionValue::Other(value.js_typeof().as_string().unwrap_or_default()),
        };
        fields.push((name, value));
    }
    wire::options_from_fields(fields).map_err(bad)
}

/// Installs the panic hook so a bug shows its message in the console before the trap.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Clean (unless `options.clean === false`) and annotate `text`; returns the wire JSON v1 object.
#[wasm_bindgen]
pub fn annotate(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = text.as_string().ok_or_else(|| JsError::new("lede: annotate() needs a string"))?;
    let options = options_from_js(options)?;
    to_js(&wire::to_wire(&analyze(&text, &options)))
}

/// Clean `text` only; returns `{version, offsets, cleaned, edits, warnings}`.
#[wasm_bindgen]
pub fn clean(text: JsValue) -> Result<JsValue, JsError> {
    let text = text.as_string().ok_or_else(|| JsError::new("lede: clean() needs a string"))?;
    to_js(&wire::to_wire_clean(&pipeline::clean(&text)))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

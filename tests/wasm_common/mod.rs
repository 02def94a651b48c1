//! Boundary tests shared by the Node and browser wasm test binaries: they call the real
//! wasm-bindgen exports and read the result back as JSON.

use serde_json::Value;
use wasm_bindgen::JsValue;

/// A plain JS object (not a `Map`), as page code would pass.
fn js_object(v: serde_json::Value) -> JsValue {
    use serde::Serialize;
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap()
}

fn annotate(text: &str) -> Value {
    let js = lede::annotate(JsValue::from_str(text), JsValue::UNDEFINED).expect("annotate succeeds");
    serde_wasm_bindgen::from_value(js).expect("wire JSON reads back")
}

/// The substring at UTF-16 offsets `[start, end)`, as JS `slice` would return it.
fn utf16_slice(text: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).expect("span on surrogate boundaries")
}

pub fn offsets_are_utf16_code_units() {
    let text = "Price: 5 € 😊 — Iran and Oman met in Muscat. שלום Israel.";
    let wire = annotate(text);
    assert_eq!(wire["version"], 1);
    assert_eq!(wire["offsets"], "utf16");
    let out_text = wire["text"].as_str().unwrap();
    let mentions = wire["mentions"].as_array().unwrap();
    let names: Vec<String> = mentions
        .iter()
        .map(|m| utf16_slice(out_text, m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap()))
        .collect();
    for want in ["Iran", "Oman", "Muscat", "Israel"] {
        assert!(names.iter().any(|n| n == want), "{want} found at its UTF-16 offsets in {names:?}");
    }
    for m in mentions {
        let got = utf16_slice(out_text, m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        assert_eq!(got, m["text"].as_str().unwrap(), "mention text equals the UTF-16 slice");
    }
}

pub fn errors_are_js_errors_not_traps() {
    assert!(lede::annotate(JsValue::from_f64(42.0), JsValue::UNDEFINED).is_err(), "a number is refused");
    assert!(lede::clean(JsValue::NULL).is_err(), "null is refused");
    let bad_options = js_object(serde_json::json!({"no_such_option": true}));
    assert!(lede::annotate(JsValue::from_str("Iran"), bad_options).is_err(), "unknown options are refused");
    // the module still works after an error
    assert_eq!(annotate("Iran")["mentions"].as_array().unwrap().len(), 1);
}

pub fn clean_reports_edits_in_utf16() {
    let js = lede::clean(JsValue::from_str("😊 talks\u{a0}in Oman")).unwrap();
    let v: Value = serde_wasm_bindgen::from_value(js).unwrap();
    assert_eq!(v["cleaned"], "😊 talks in Oman");
    let edit = &v["edits"][0];
    assert_eq!(edit["kind"], "unicode_space");
    assert_eq!(edit["original"]["start"], 8, "NBSP after a surrogate pair sits at UTF-16 offset 8");
    assert_eq!(edit["cleaned"]["start"], 8);
}

pub fn no_clean_option_keeps_text() {
    let opts = js_object(serde_json::json!({"clean": false}));
    let js = lede::annotate(JsValue::from_str("a\u{a0}b"), opts).unwrap();
    let v: Value = serde_wasm_bindgen::from_value(js).unwrap();
    assert_eq!(v["text"], "a\u{a0}b");
    assert!(!lede::version().is_empty());
}

/// `annotate` and `clean` rebuild their results in JS from a tape (`src/wire/tape.rs`,
/// `src/unpack.js`): each must be the very value `serde-wasm-bindgen`'s JSON-compatible
/// serializer builds, fields in the same order, on texts with non-ASCII, astral and
/// right-to-left characters.
pub fn the_tape_gives_what_serde_wasm_bindgen_gives() {
    use serde::Serialize;
    let seed = include_str!("../../seeds/000_d91da279460ebc95.txt");
    let texts = [
        "",
        "Price: 5 € 😊 — Iran and Oman met in Muscat. שלום Israel. \"We won,\" said Mr Smith.",
        "The council said it had not confirmed the deal, officials said on Tuesday.",
        "Ministers met\u{a0}in  Oman on Tuesday.Talks were scheduledin May\u{2011}June.",
        seed,
    ];
    fn reference<T: Serialize>(wire: &T) -> JsValue {
        wire.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).expect("serialises")
    }
    let stringify = |v: &JsValue| web_sys::js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()).expect("stringifies");
    for text in texts {
        let by_tape = lede::annotate(JsValue::from_str(text), JsValue::UNDEFINED).expect("annotate succeeds");
        let doc = lede::analyze(text, &lede::Options::default());
        let wire = lede::wire::to_wire(&doc);
        assert_eq!(stringify(&by_tape), stringify(&reference(&wire)), "annotate {text:.60}");
        let by_tape = lede::clean(JsValue::from_str(text)).expect("clean succeeds");
        let doc = lede::pipeline::clean(text);
        let wire = lede::wire::to_wire_clean(&doc);
        assert_eq!(stringify(&by_tape), stringify(&reference(&wire)), "clean {text:.60}");
    }
}

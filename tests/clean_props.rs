//! Property tests of the cleaning stage: it never panics, its edits replay exactly and every
//! cleaned offset maps back to a char boundary of the paste, on text built from pasted pieces.
#![cfg(not(target_arch = "wasm32"))]

use lede::pipeline::clean;
use proptest::prelude::*;

fn pasted_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "the", "Middle", "program,", "rejecting", "Oman.", "The", "iPhone", "U.S.", "1,000", "3.5", "\"", "’", "-", "—", " ", " ",
        "\n", "\n\n", "\r\n", "\u{a0}", "\u{2011}", "\u{ad}", "\u{200b}", "e\u{301}", "â€™", "💥", "Advertisement", "og:image", "x",
        "scheduledin", "negoti-\n", "theGulf",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn edits_replay_and_offsets_map_back(text in pasted_text()) {
        let doc = clean(&text);
        let mut rebuilt = String::new();
        let mut pos = 0;
        for e in &doc.edits {
            prop_assert!(e.original.start >= pos);
            rebuilt.push_str(&text[pos..e.original.start]);
            rebuilt.push_str(&e.replacement);
            prop_assert_eq!(e.cleaned.slice(&doc.text), e.replacement.as_str());
            pos = e.original.end;
        }
        rebuilt.push_str(&text[pos..]);
        prop_assert_eq!(&rebuilt, &doc.text);
        for b in 0..=doc.text.len() {
            if doc.text.is_char_boundary(b) {
                let o = lede::clean::to_original(&doc.edits, b);
                prop_assert!(o <= text.len() && text.is_char_boundary(o));
            }
        }
    }
}

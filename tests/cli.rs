//! The `lede` binary's contract: commands, flags, JSONL in/out, and clear errors on bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn lede(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lede runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("stdout is JSON")
}

#[test]
fn annotate_prints_wire_json() {
    let out = lede(&["annotate", "-"], "Talks in Muscat, Oman.".as_bytes());
    assert!(out.status.success());
    let v = json(&out.stdout);
    assert_eq!(v["version"], 1);
    assert_eq!(v["offsets"], "utf16");
    assert!(v["mentions"].as_array().unwrap().iter().any(|m| m["text"] == "Oman" && m["type"] == "GPE"));
}

#[test]
fn no_clean_keeps_text_byte_for_byte() {
    let text = "a\u{a0}b  Iran\r\n";
    let out = lede(&["annotate", "--no-clean"], text.as_bytes());
    assert_eq!(json(&out.stdout)["text"], text);
    let cleaned = lede(&["annotate"], text.as_bytes());
    assert_ne!(json(&cleaned.stdout)["text"], text);
}

#[test]
fn jsonl_keeps_ids_and_order() {
    let input = "{\"id\":\"b\",\"text\":\"Iran\"}\n{\"id\":7,\"text\":\"Oman 😊\"}\n";
    let out = lede(&["annotate", "--jsonl", "--no-clean"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "b");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["text"], "Oman 😊");
}

#[test]
fn clean_text_and_jsonl() {
    let out = lede(&["clean"], "Iran\u{2011}United States".as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Iran-United States");
    let out = lede(&["clean", "--jsonl"], "{\"id\":\"x\",\"text\":\"a\u{a0}b\"}\n".as_bytes());
    let v = json(&out.stdout);
    assert_eq!(v["id"], "x");
    assert_eq!(v["cleaned"], "a b");
    assert_eq!(v["edits"][0]["kind"], "unicode_space");
}

#[test]
fn bad_input_gets_one_line_error_and_no_output() {
    let out = lede(&["annotate", "--jsonl"], b"{\"id\":1,\"text\":\"ok\"}\n{not json\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no partial output");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 2"), "{err}");
    assert_eq!(err.trim().lines().count(), 1);

    let out = lede(&["annotate"], b"abc \xff\xfe def");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("not UTF-8"));

    let out = lede(&["annotate", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("/no/such/file.txt"));

    let out = lede(&["annotate", "--jsonl"], b"{\"id\":1}\n");
    assert!(String::from_utf8(out.stderr).unwrap().contains("line 1: missing string field \"text\""));

    let out = lede(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
}

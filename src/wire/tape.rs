//! The wire value as a flat tape, for the JS side to rebuild in one call (`src/unpack.js`)
//! instead of one wasm → JS call per object, field and string (`serde-wasm-bindgen`; 15 % of a
//! 1 MB annotate in wasm). Any `Serialize` value, read as `serde-wasm-bindgen`'s
//! `json_compatible` serializer reads it: structs and maps are objects (fields in order),
//! sequences and tuples arrays, `None` and `()` null, numbers numbers, enums as serde tags them.
//!
//! The tape is `u32`s: a tag, then the tag's payload. Strings go to one string table, each
//! distinct short string once (keys, labels, names repeat); numbers that are not small
//! non-negative integers to a table of `f64`s.

use crate::hash::HashMap;
use serde::ser::{self, Serialize};

/// Tags of the tape (`src/unpack.js` reads the same numbers).
const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
/// A `u32`, inline.
const INT: u32 = 3;
/// An index into [`Tape::numbers`].
const NUMBER: u32 = 4;
/// An index into the string table.
const STRING: u32 = 5;
/// A count, then that many values.
const ARRAY: u32 = 6;
/// A count, then that many (key string index, value) pairs.
const OBJECT: u32 = 7;

/// Strings up to this many bytes are stored once however often they occur.
const SHARED_STRING: usize = 64;

/// A value flattened: the tape, its numbers, and its strings (one text; string `i` is the UTF-16
/// range `ends[i - 1]..ends[i]` of it).
#[derive(Default)]
pub struct Tape {
    pub tape: Vec<u32>,
    pub numbers: Vec<f64>,
    pub strings: String,
    pub ends: Vec<u32>,
    utf16_len: u32,
    /// Each distinct short string: its index and its byte offset in `strings`.
    shared: HashMap<Box<str>, (u32, u32)>,
    /// The short string last seen at an address, per slot: (address, length, byte offset in
    /// `strings`, index). Labels, kinds and rule names (`&'static str`) are most of a result's
    /// strings: one of them at the same address skips the hashing. A hit is checked against the
    /// text it names (memory freed during the writing may hold another string later).
    recent: Vec<(usize, usize, u32, u32)>,
    /// Field names by address (`&'static str`: the same address is the same text), a few
    /// dozen of them read ~300k times in a large result: (address, length, string index).
    keys: Vec<(usize, usize, u32)>,
}

/// Slots of the field-name cache (a power of two).
const KEY_SLOTS: usize = 64;
/// Slots of the short-string address cache (a power of two).
const RECENT_SLOTS: usize = 256;

/// The slot of a string's address in a cache of `slots` (a power of two) slots: the top bits
/// of a multiplicative hash of the address, so neighbouring statics spread out.
fn address_slot(address: usize, slots: usize) -> usize {
    ((address as u32).wrapping_mul(0x9e37_79b9) >> (32 - slots.trailing_zeros())) as usize
}

/// Why a value could not be written (a map key that is not a string).
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

/// `value` as a tape.
pub fn to_tape<T: Serialize + ?Sized>(value: &T) -> Result<Tape, Error> {
    let mut tape = Tape::default();
    value.serialize(&mut tape)?;
    Ok(tape)
}

impl Tape {
    fn string_index(&mut self, s: &str) -> u32 {
        if s.len() > SHARED_STRING {
            return self.push_string(s);
        }
        if self.recent.is_empty() {
            self.recent = vec![(0, 0, 0, 0); RECENT_SLOTS];
        }
        let address = s.as_ptr() as usize;
        let slot = address_slot(address, RECENT_SLOTS);
        let (a, len, start, i) = self.recent[slot];
        if a == address && len == s.len() && self.strings.as_bytes().get(start as usize..start as usize + len) == Some(s.as_bytes()) {
            return i;
        }
        let (i, start) = match self.shared.get(s) {
            Some(&found) => found,
            None => {
                let start = self.strings.len() as u32;
                let i = self.push_string(s);
                self.shared.insert(s.into(), (i, start));
                (i, start)
            }
        };
        self.recent[slot] = (address, s.len(), start, i);
        i
    }

    /// Appends `s` to the string table; returns its index.
    fn push_string(&mut self, s: &str) -> u32 {
        let i = self.ends.len() as u32;
        self.strings.push_str(s);
        self.utf16_len += super::utf16_len(s) as u32;
        self.ends.push(self.utf16_len);
        i
    }

    /// The string index of a field name.
    fn key_index(&mut self, key: &'static str) -> u32 {
        if self.keys.is_empty() {
            self.keys = vec![(0, 0, 0); KEY_SLOTS];
        }
        let address = key.as_ptr() as usize;
        let slot = address_slot(address, KEY_SLOTS);
        match self.keys[slot] {
            (a, len, i) if a == address && len == key.len() => i,
            _ => {
                let i = self.string_index(key);
                self.keys[slot] = (address, key.len(), i);
                i
            }
        }
    }

    fn string(&mut self, s: &str) {
        let i = self.string_index(s);
        self.tape.extend([STRING, i]);
    }

    fn number(&mut self, v: f64) {
        // (not -0.0, which JS keeps apart)
        if v.is_sign_positive() && v <= u32::MAX as f64 && v.fract() == 0.0 {
            self.tape.extend([INT, v as u32]);
        } else {
            self.tape.extend([NUMBER, self.numbers.len() as u32]);
            self.numbers.push(v);
        }
    }

    /// Opens an array or object; its count is filled in by [`Compound::close`].
    fn open(&mut self, tag: u32) -> Compound<'_> {
        self.tape.extend([tag, 0]);
        let at = self.tape.len() - 1;
        Compound { tape: self, at, count: 0 }
    }

    /// `{variant: …}`: the object an externally tagged enum variant with data is.
    fn open_variant(&mut self, variant: &'static str) {
        self.tape.extend([OBJECT, 1]);
        let key = self.string_index(variant);
        self.tape.push(key);
    }
}

/// An array or object being written: where its count goes, and the count so far.
pub struct Compound<'t> {
    tape: &'t mut Tape,
    at: usize,
    count: u32,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let key = self.tape.key_index(key);
        self.tape.tape.push(key);
        self.element(value)
    }

    fn close(self) -> Result<(), Error> {
        self.tape.tape[self.at] = self.count;
        Ok(())
    }
}

/// `Tape` methods that write a number of some type as the JS number (an `f64`) it is.
macro_rules! as_numbers {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<(), Error> {
            self.serialize_f64(v as f64)
        }
    )*};
}

impl<'t> ser::Serializer for &'t mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'t>;
    type SerializeTuple = Compound<'t>;
    type SerializeTupleStruct = Compound<'t>;
    type SerializeTupleVariant = Compound<'t>;
    type SerializeMap = MapWriter<'t>;
    type SerializeStruct = Compound<'t>;
    type SerializeStructVariant = Compound<'t>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.tape.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    as_numbers! {
        serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64), serialize_u8(u8),
        serialize_u16(u16), serialize_u32(u32), serialize_u64(u64), serialize_f32(f32),
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open(ARRAY);
        for b in v {
            seq.element(b)?;
        }
        seq.close()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.tape.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _name: &'static str, _index: u32, variant: &'static str, value: &T) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'t>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'t>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'t>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(self, _name: &'static str, _index: u32, variant: &'static str, _len: usize) -> Result<Compound<'t>, Error> {
        self.open_variant(variant);
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<MapWriter<'t>, Error> {
        Ok(MapWriter { object: self.open(OBJECT) })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'t>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(self, _name: &'static str, _index: u32, variant: &'static str, _len: usize) -> Result<Compound<'t>, Error> {
        self.open_variant(variant);
        Ok(self.open(OBJECT))
    }
}

/// The serde traits of a compound written element by element (arrays) or field by field
/// (objects): each only forwards to [`Compound`].
macro_rules! compound_writers {
    ($($trait:ident :: $method:ident ($($key:ident)?)),* $(,)?) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, $($key: &'static str,)? value: &T) -> Result<(), Error> {
                compound_writers!(@write self value $($key)?)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
    (@write $self:ident $value:ident) => { $self.element($value) };
    (@write $self:ident $value:ident $key:ident) => { $self.field($key, $value) };
}

compound_writers!(
    SerializeSeq::serialize_element(),
    SerializeTuple::serialize_element(),
    SerializeTupleStruct::serialize_field(),
    SerializeTupleVariant::serialize_field(),
    SerializeStruct::serialize_field(key),
    SerializeStructVariant::serialize_field(key),
);

/// A map being written: an object whose keys must be strings.
pub struct MapWriter<'t> {
    object: Compound<'t>,
}

impl ser::SerializeMap for MapWriter<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let key = key.serialize(KeyWriter)?;
        let key = self.object.tape.string_index(&key);
        self.object.tape.tape.push(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.object.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.object.close()
    }
}

/// A map key as a string (a string or a char; anything else is an error).
struct KeyWriter;

/// `KeyWriter` methods that take one plain value and reject it.
macro_rules! rejects {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method(self, _: $ty) -> Result<String, Error> {
            Err(not_a_string())
        }
    )*};
}

impl ser::Serializer for KeyWriter {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    rejects! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64),
        serialize_u8(u8), serialize_u16(u16), serialize_u32(u32), serialize_u64(u64), serialize_f32(f32),
        serialize_f64(f64), serialize_bytes(&[u8]), serialize_unit_struct(&'static str),
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(not_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Error> {
        Err(not_a_string())
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(not_a_string())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<String, Error> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<String, Error> {
        Err(not_a_string())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_string())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_a_string())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(not_a_string())
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_string())
    }
}

fn not_a_string() -> Error {
    Error("a map key must be a string".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::{json, Value};
    use std::collections::BTreeMap;

    /// What `src/unpack.js` does, in Rust.
    fn unpack(t: &Tape) -> Value {
        let units: Vec<u16> = t.strings.encode_utf16().collect();
        let mut from = 0;
        let table: Vec<String> = t
            .ends
            .iter()
            .map(|&end| {
                let s = String::from_utf16(&units[from..end as usize]).expect("string ends on char boundaries");
                from = end as usize;
                s
            })
            .collect();
        fn value(t: &Tape, table: &[String], at: &mut usize) -> Value {
            let tag = t.tape[*at];
            *at += 1;
            let mut next = || {
                *at += 1;
                t.tape[*at - 1] as usize
            };
            match tag {
                NULL => Value::Null,
                FALSE => Value::Bool(false),
                TRUE => Value::Bool(true),
                INT => json!(next()),
                NUMBER => json!(t.numbers[next()]),
                STRING => Value::String(table[next()].clone()),
                ARRAY => {
                    let n = next();
                    Value::Array((0..n).map(|_| value(t, table, at)).collect())
                }
                OBJECT => {
                    let n = next();
                    let mut object = serde_json::Map::new();
                    for _ in 0..n {
                        let key = table[t.tape[*at] as usize].clone();
                        *at += 1;
                        object.insert(key, value(t, table, at));
                    }
                    Value::Object(object)
                }
                _ => panic!("bad tag {tag}"),
            }
        }
        let mut at = 0;
        let v = value(t, &table, &mut at);
        assert_eq!(at, t.tape.len(), "the whole tape is one value");
        v
    }

    /// Every number as an `f64`, as JS has it (`7` and `7.0` are one value there).
    fn as_js(v: Value) -> Value {
        match v {
            Value::Number(n) => json!(n.as_f64().unwrap()),
            Value::Array(a) => Value::Array(a.into_iter().map(as_js).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, as_js(v))).collect()),
            other => other,
        }
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, &'static str),
        Struct { x: f32 },
    }

    #[derive(Serialize)]
    struct Sample {
        #[serde(rename = "type")]
        kind: &'static str,
        missing: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u32>,
        numbers: Vec<f64>,
        text: String,
        shapes: Vec<Shape>,
        map: BTreeMap<String, bool>,
        pair: (char, ()),
    }

    #[test]
    fn a_tape_reads_back_as_the_json_value() {
        let long = "Iran’s 😊 ".repeat(20);
        let sample = Sample {
            kind: "PERSON",
            missing: None,
            skipped: None,
            numbers: vec![0.0, 7.0, -3.0, 0.25, 4_294_967_296.0, 1e-9],
            text: format!("€ שלום {long}"),
            shapes: vec![Shape::Unit, Shape::Newtype(9), Shape::Tuple(-1, "PERSON"), Shape::Struct { x: 0.1 }],
            map: [("a".to_string(), true), ("b".to_string(), false)].into(),
            pair: ('😊', ()),
        };
        let tape = to_tape(&sample).unwrap();
        assert_eq!(as_js(unpack(&tape)), as_js(serde_json::to_value(&sample).unwrap()));
        // a short string is stored once however often it occurs; a long one is not looked up
        assert_eq!(tape.strings.matches("PERSON").count(), 1);
        // small non-negative integers are inline; the rest go to the number table
        assert_eq!(tape.numbers, [-3.0, 0.25, 4_294_967_296.0, 1e-9, -1.0, 0.1f32 as f64]);
    }

    /// A string written from a buffer that is freed and reused: the same address and length,
    /// another text each time.
    struct Numbered(u32);

    impl Serialize for Numbered {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let text = format!("n{}", self.0 % 10);
            s.serialize_str(&text)
        }
    }

    #[test]
    fn a_string_at_an_address_seen_before_is_read_again_unless_it_is_the_same_text() {
        let items: Vec<Numbered> = (0..30).map(Numbered).collect();
        let tape = to_tape(&items).unwrap();
        let expected: Vec<String> = (0..30).map(|i| format!("n{}", i % 10)).collect();
        assert_eq!(unpack(&tape), json!(expected));
        assert_eq!(tape.ends.len(), 10, "each distinct text once");
        // the same static text, many times at one address, and other texts between
        let labels: Vec<(&str, String)> = (0..50).map(|i| ("PERSON", format!("w{}", i % 7))).collect();
        let tape = to_tape(&labels).unwrap();
        assert_eq!(unpack(&tape), serde_json::to_value(&labels).unwrap());
        assert_eq!(tape.strings.matches("PERSON").count(), 1);
    }

    #[test]
    fn a_map_key_must_be_a_string() {
        let map: BTreeMap<u8, u8> = [(1, 2)].into();
        assert!(to_tape(&map).err().is_some_and(|e| e.to_string().contains("map key")));
    }
}

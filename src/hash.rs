//! Hash maps and sets keyed by the article's words, with a fast non-cryptographic hash instead
//! of SipHash: keys are short strings and small integers from the user's own text (no hash
//! flooding to defend against), and SipHash was a tenth of the wasm's time. Drop-in types:
//! build them with `default()` or `collect()`. One hash for all of them, [`word_hash`], eight
//! bytes per step (FNV-1a, byte at a time, was used before: the same maps, slower on every key
//! longer than a few bytes).

use std::hash::{BuildHasherDefault, Hasher};

/// Hash of a short byte string, eight bytes per step (FNV-1a's byte-at-a-time multiply chain
/// was a tenth of the cleaner's time: it hashes every piece of every split): each 8-byte word
/// (the tail zero-padded) is mixed in with a multiply, then the murmur3 finaliser spreads the
/// bits, so both the low bits (a table index) and the high ones (a check) are usable.
pub fn word_hash(bytes: &[u8]) -> u64 {
    let mut h = WordHasher::default();
    h.write(bytes);
    h.finish()
}

/// [`word_hash`] of `letters` lower-cased, for ASCII letters only (any case), without a
/// lower-cased copy: an ASCII letter's lower case is the letter with bit 5 set, so each 8-byte
/// word of the hash is read with that bit set in each of its bytes.
pub fn word_hash_of_lower_letters(letters: &[u8]) -> u64 {
    WordHasher(mix_bytes(WORD_SEED, letters, 0x2020_2020_2020_2020)).finish()
}

/// The state `h` with `bytes` mixed in (see [`word_hash`]), each byte ORed with its byte of
/// `or_bits` (0: the bytes as they are).
#[inline]
fn mix_bytes(h: u64, bytes: &[u8], or_bits: u64) -> u64 {
    let mut h = h ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        // (an array built from the bytes, not `copy_from_slice`: wasm at `opt-level = "s"`
        // called a copy function for every eight bytes)
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) | or_bits;
        h = (h ^ word).wrapping_mul(WORD_MUL).rotate_left(29);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        // (the bits of the tail's bytes only: the padding stays zero)
        let word = tail_word(tail) | or_bits >> (8 * (8 - tail.len()));
        h = (h ^ word).wrapping_mul(WORD_MUL).rotate_left(29);
    }
    h
}

/// [`word_hash`] as a `Hasher`, for maps probed with the pieces of every split.
pub struct WordHasher(u64);

const WORD_SEED: u64 = 0x243f_6a88_85a3_08d3;
const WORD_MUL: u64 = 0x9e37_79b9_7f4a_7c15;

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(WORD_SEED)
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix_bytes(self.0, bytes, 0);
    }
    /// `write(&[b])` (a `str` key ends with one), without the loop.
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0 ^ 1 ^ u64::from(b)).wrapping_mul(WORD_MUL).rotate_left(29);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // murmur3's fmix64
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// The 1 to 7 bytes of a tail as a little-endian word, zero-padded: two overlapping loads of
/// four bytes (or three of one), not a loop over the bytes (most words are shorter than eight
/// bytes: the tail is all of them).
#[inline]
fn tail_word(t: &[u8]) -> u64 {
    let n = t.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([t[0], t[1], t[2], t[3]]) as u64;
        let hi = u32::from_le_bytes([t[n - 4], t[n - 3], t[n - 2], t[n - 1]]) as u64;
        lo | hi << (8 * (n - 4))
    } else {
        t[0] as u64 | (t[n / 2] as u64) << (8 * (n / 2)) | (t[n - 1] as u64) << (8 * (n - 1))
    }
}

pub type WordBuild = BuildHasherDefault<WordHasher>;
pub type HashMap<K, V> = std::collections::HashMap<K, V, WordBuild>;
pub type HashSet<K> = std::collections::HashSet<K, WordBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_hash_as_their_lower_case_copy() {
        for w in ["", "a", "A", "Iran", "IRAN", "abcdefg", "ABCDEFGH", "Abcdefghi", "theMiddleEastDeskOfTheNewsroom", "zZ"] {
            assert_eq!(word_hash_of_lower_letters(w.as_bytes()), word_hash(w.to_ascii_lowercase().as_bytes()), "{w}");
        }
    }

    #[test]
    fn maps_and_sets_work_as_usual() {
        let mut m: HashMap<&str, u32> = HashMap::default();
        *m.entry("Iran").or_insert(0) += 2;
        assert_eq!(m.get("Iran"), Some(&2));
        let s: HashSet<String> = ["a", "b", "a"].iter().map(|s| s.to_string()).collect();
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn word_hash_separates_short_keys_and_matches_its_hasher() {
        // keys that differ only in a zero-padded tail, in length, or across the 8-byte step
        let keys: [&[u8]; 8] = [b"", b"a", b"a\0", b"ab", b"abcdefgh", b"abcdefgh\0", b"abcdefghi", b"scheduledin"];
        let hashes: HashSet<u64> = keys.iter().map(|k| word_hash(k)).collect();
        assert_eq!(hashes.len(), keys.len());
        let mut words: HashMap<&str, u32> = HashMap::default();
        words.insert("Iran", 1);
        assert_eq!(words.get("Iran"), Some(&1));
        assert_eq!(words.get("Ira"), None);
    }

    #[test]
    fn the_tail_word_is_the_zero_padded_little_endian_tail() {
        for n in 1..8 {
            let t: Vec<u8> = (0..n as u8).map(|i| 0xa1u8.wrapping_add(i.wrapping_mul(17))).collect();
            let want = t.iter().rev().fold(0u64, |w, &b| (w << 8) | b as u64);
            assert_eq!(tail_word(&t), want, "{n}");
        }
        // a str key's terminator byte hashes as a one-byte write
        let (mut a, mut b) = (WordHasher::default(), WordHasher::default());
        a.write(b"Iran");
        a.write_u8(0xff);
        b.write(b"Iran");
        b.write(&[0xff]);
        assert_eq!(a.finish(), b.finish());
    }
}

//! Hash maps and sets keyed by the article's words, with FNV-1a instead of SipHash: keys are
//! short strings and small integers from the user's own text (no hash flooding to defend
//! against), and SipHash was a tenth of the wasm's time. Drop-in types: build them with
//! `default()` or `collect()`.

use std::hash::{BuildHasherDefault, Hasher};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a of a byte sequence (also the cleaner's word-table hash).
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    fnv1a_from(FNV_OFFSET, bytes)
}

/// FNV-1a of `bytes`, continuing from the state `h`.
fn fnv1a_from(h: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(h, |h, b| (h ^ b as u64).wrapping_mul(FNV_PRIME))
}

/// FNV-1a, 64 bits, as a `Hasher`.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a_from(self.0, bytes.iter().copied());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FnvBuild = BuildHasherDefault<Fnv>;
pub type HashMap<K, V> = std::collections::HashMap<K, V, FnvBuild>;
pub type HashSet<K> = std::collections::HashSet<K, FnvBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_sets_work_as_usual() {
        let mut m: HashMap<&str, u32> = HashMap::default();
        *m.entry("Iran").or_insert(0) += 2;
        assert_eq!(m.get("Iran"), Some(&2));
        let s: HashSet<String> = ["a", "b", "a"].iter().map(|s| s.to_string()).collect();
        assert_eq!(s.len(), 2);
        let mut h = Fnv::default();
        h.write(b"a");
        assert_eq!(h.finish(), 0xaf63_dc4c_8601_ec8c); // the FNV-1a test vector for "a"
        assert_eq!(fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}

//! Sorting with one compiled sort. `slice::sort_by` is generic: every call site (element type
//! and comparator) compiles its own copy of the standard library's sort, ~4 KB of wasm each,
//! which made sorting the largest item of the page's code. Here the standard sort runs once,
//! on `u32` indices with a `dyn` comparator, and the vector is permuted after: small generic
//! glue per call site. All sorts are stable. [`sort_by_u64_key`] sorts long lists whose order
//! is an integer key without calling a comparator at all. [`small_sort_by`] is an insertion
//! sort for the hot, tiny arrays of the cleaner's beam search, where an allocation per call
//! would cost.

use std::cmp::Ordering;

/// The stable order of `0..n` under `cmp` (compiled once).
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..n as u32).collect();
    idx.sort_by(|&a, &b| cmp(a as usize, b as usize));
    idx
}

/// Stable sort of `v` by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    // sorted input (a list sorted again after a merge) costs one pass, no allocation
    if v.windows(2).all(|w| cmp(&w[0], &w[1]) != Ordering::Greater) {
        return;
    }
    let idx = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, &idx);
}

/// `v` in the order of its positions `idx` (a permutation of them).
fn permute<T>(v: &mut Vec<T>, idx: &[u32]) {
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    // (sized once: `filter_map` gives no exact length, and `extend` grew it by doubling, a copy
    // of the elements at each step)
    v.reserve_exact(idx.len());
    v.extend(idx.iter().filter_map(|&i| slots[i as usize].take()));
}

/// Stable sort of `v` by an integer key, computed once per element: the (key, position) pairs
/// are sorted as plain integers (no two are equal, so the standard unstable sort, compiled
/// once for them, gives the stable order), with no comparator called through a pointer.
pub fn sort_by_u64_key<T>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> u64) {
    // a short list (a tiny text's) takes the general sort: the page's first annotation then
    // does not compile the pairs' sort, in wasm's baseline tier, for a few elements
    if v.len() <= SHORT_LIST {
        return sort_by(v, |a, b| key(a).cmp(&key(b)));
    }
    let mut keyed: Vec<(u64, u32)> = v.iter().zip(0u32..).map(|(x, i)| (key(x), i)).collect();
    if keyed.windows(2).all(|w| w[0].0 <= w[1].0) {
        return;
    }
    sort_pairs(&mut keyed);
    let idx: Vec<u32> = keyed.iter().map(|&(_, i)| i).collect();
    permute(v, &idx);
}

/// Lists this long or shorter are sorted by [`sort_by`] in [`sort_by_u64_key`].
const SHORT_LIST: usize = 64;

/// (Compiled once, not per caller.)
#[inline(never)]
fn sort_pairs(pairs: &mut [(u64, u32)]) {
    pairs.sort_unstable();
}

/// Stable sort of `v` by `key`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `v` in ascending order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, |a, b| a.cmp(b));
}

/// Stable insertion sort for slices of a few dozen elements at most (quadratic).
pub fn small_sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w = v.clone();
        small_sort_by(&mut w, |a, b| b.0.cmp(&a.0));
        assert_eq!(w, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
    }

    #[test]
    fn sorts_owned_values_and_edge_sizes() {
        let mut v: Vec<String> = ["b", "c", "a"].iter().map(|s| s.to_string()).collect();
        sort(&mut v);
        assert_eq!(v, ["a", "b", "c"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        let mut one = vec![1];
        sort_by(&mut one, |a: &i32, b| b.cmp(a));
        assert_eq!(one, [1]);
    }

    #[test]
    fn an_integer_key_sorts_as_the_stable_sort_by_that_key() {
        // many equal keys (stability), keys near u64's ends, sorted and reversed runs
        let mut v: Vec<(u64, usize)> = (0..3000u64).map(|i| (i.wrapping_mul(2654435761) % 61, 0)).collect();
        v.extend((0..50).map(|i| (u64::MAX - i % 3, 0)));
        v.extend((0..100u64).rev().map(|i| (i, 0)));
        for (i, x) in v.iter_mut().enumerate() {
            x.1 = i;
        }
        for k in [1, 2, 3, 7, 100, v.len()] {
            let mut got = v[..k].to_vec();
            let mut expect = got.clone();
            expect.sort_by_key(|x| x.0);
            sort_by_u64_key(&mut got, |x| x.0);
            assert_eq!(got, expect, "{k}");
        }
        let mut sorted: Vec<(u64, usize)> = (0..10).map(|i| (i / 2, i as usize)).collect();
        let expect = sorted.clone();
        sort_by_u64_key(&mut sorted, |x| x.0);
        assert_eq!(sorted, expect);
    }

    #[test]
    fn a_sorted_vector_is_allocated_once_at_its_length() {
        // (grown by doubling, 100 elements had room for 128, copied at each step)
        let mut v: Vec<u64> = (0..100u64).rev().collect();
        sort(&mut v);
        assert_eq!(v, (0..100u64).collect::<Vec<_>>());
        assert_eq!(v.capacity(), 100);
    }

    #[test]
    fn agrees_with_std_on_many_values() {
        let mut v: Vec<u64> = (0..5000u64).map(|i| i.wrapping_mul(2654435761) % 977).collect();
        let mut expect = v.clone();
        expect.sort();
        sort(&mut v);
        assert_eq!(v, expect);
    }
}

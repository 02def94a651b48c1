//! The wasm build's memory allocator: small blocks (up to 4 KiB) in power-of-two size
//! classes with a free list each; larger ones from Rust's default allocator (dlmalloc).
//!
//! dlmalloc's `malloc` alone is 4.7 KB of wasm. V8 compiles each wasm function on its first
//! call and again, optimised, once it has run long enough: a big function reaches that after a
//! few hundred calls, so `malloc` was compiled twice during the page's first annotation (the
//! optimising compile 5–12 ms of CPU, on a background thread), whatever the text. Most
//! allocations are small (names, words, short lists): here they cost a few dozen instructions.
//! A block of class `k` (2^k bytes, 16 to 4,096) comes off class `k`'s free list, or is cut
//! from a run of memory grown for the small blocks (aligned to its size: the gap before it goes
//! to the smaller classes' lists). A freed block goes back to its class's list; `realloc`
//! within a class keeps the block. Small blocks are never merged; large ones (the text, token
//! and span vectors) stay with dlmalloc, which merges freed neighbours: the wasm memory after a
//! 1 MB text is 31 MiB, against 27 with dlmalloc alone and 44 with classes for every size.
//!
//! [`Heap`] and [`Allocator`] are plain Rust over any [`Grow`] source, so their tests run
//! natively (a property test drives random allocations and checks alignment, overlap and
//! contents); only the wasm32 build installs them as the global allocator, over `memory.grow`.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

/// Where new memory comes from: `grow(bytes)` adds at least `bytes` (a multiple of 16) and
/// returns the added range, or `None` when memory is exhausted.
pub trait Grow {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)>;
}

/// Smallest block: 16 bytes (every block can hold the free list's link, and 16 is the widest
/// alignment Rust's types on wasm32 ask for).
const MIN_CLASS: u32 = 4;
/// Classes 0..CLASSES: blocks of 2^k bytes, up to 4 KiB (larger requests go elsewhere).
const CLASSES: usize = 13;
/// Memory for small blocks is grown this much at a time (256 KiB).
const MIN_GROW: usize = 1 << 18;

pub struct Heap<G: Grow> {
    /// Address of the first free block of each class (0: none); a free block holds the
    /// address of the next.
    free: [usize; CLASSES],
    /// The unused end of memory: `next..end`.
    next: usize,
    end: usize,
    source: G,
}

/// The class of a request (2^k covers both its size and its alignment), if it is small.
fn class_of(size: usize, align: usize) -> Option<u32> {
    let need = size.max(align).max(1 << MIN_CLASS);
    let k = usize::BITS - (need - 1).leading_zeros();
    ((k as usize) < CLASSES).then_some(k)
}

impl<G: Grow> Heap<G> {
    pub const fn new(source: G) -> Heap<G> {
        Heap { free: [0; CLASSES], next: 0, end: 0, source }
    }

    /// A block of class `k`, or null when memory is exhausted.
    ///
    /// # Safety
    /// The memory `source` hands out must be valid for reads and writes and not used otherwise.
    #[inline]
    unsafe fn alloc(&mut self, k: u32) -> *mut u8 {
        if let Some(block) = self.pop(k) {
            return block as *mut u8;
        }
        self.cut(k).or_else(|| self.split(k)).map_or(std::ptr::null_mut(), |a| a as *mut u8)
    }

    #[inline]
    unsafe fn push(&mut self, k: u32, addr: usize) {
        (addr as *mut usize).write(self.free[k as usize]);
        self.free[k as usize] = addr;
    }

    #[inline]
    unsafe fn pop(&mut self, k: u32) -> Option<usize> {
        let head = self.free[k as usize];
        (head != 0).then(|| {
            self.free[k as usize] = (head as *const usize).read();
            head
        })
    }

    /// A new block of class `k` from the unused end of memory, growing it if needed. (Out of
    /// line, like [`Heap::split`]: the common path of [`Heap::alloc`] stays a few instructions.)
    #[inline(never)]
    unsafe fn cut(&mut self, k: u32) -> Option<usize> {
        let size = 1usize << k;
        let fits = |next: usize, end: usize| ((next + size - 1) & !(size - 1)) + size <= end;
        if !fits(self.next, self.end) {
            let (start, end) = self.source.grow(MIN_GROW)?;
            if start != self.end {
                // not contiguous (or the first growth): what was left becomes free blocks
                self.release(self.end);
                self.next = start;
            }
            self.end = end;
            if !fits(self.next, self.end) {
                return None;
            }
        }
        // the gap up to the alignment, as free blocks
        self.release((self.next + size - 1) & !(size - 1));
        let block = self.next;
        self.next += size;
        Some(block)
    }

    /// When memory cannot grow: a block of class `k` split off the smallest larger free block
    /// (its other halves go to their classes).
    #[inline(never)]
    unsafe fn split(&mut self, k: u32) -> Option<usize> {
        let j = (k + 1..CLASSES as u32).find(|&j| self.free[j as usize] != 0)?;
        let block = self.pop(j)?;
        for half in k..j {
            self.push(half, block + (1 << half));
        }
        Some(block)
    }

    /// Everything from `next` to `end` as free blocks, each the largest aligned one that fits.
    /// (`next` is 16-aligned: memory comes in 16-byte multiples and blocks are 16 or more.)
    unsafe fn release(&mut self, end: usize) {
        while self.next != 0 && end - self.next >= 1 << MIN_CLASS {
            let mut piece = self.next & self.next.wrapping_neg();
            while piece > end - self.next {
                piece >>= 1;
            }
            self.push(piece.trailing_zeros(), self.next);
            self.next += piece;
        }
    }
}

/// Small blocks from a [`Heap`], the others from `large`.
pub struct Allocator<G: Grow, L: GlobalAlloc> {
    heap: UnsafeCell<Heap<G>>,
    large: L,
}

impl<G: Grow, L: GlobalAlloc> Allocator<G, L> {
    pub const fn new(source: G, large: L) -> Allocator<G, L> {
        Allocator { heap: UnsafeCell::new(Heap::new(source)), large }
    }

    /// # Safety
    /// As [`GlobalAlloc::alloc`]; and no other call on this allocator runs meanwhile.
    #[inline]
    pub unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        match class_of(l.size(), l.align()) {
            Some(k) => (*self.heap.get()).alloc(k),
            None => self.large.alloc(l),
        }
    }

    /// # Safety
    /// As [`GlobalAlloc::dealloc`], and as [`Allocator::alloc`].
    #[inline]
    pub unsafe fn dealloc(&self, ptr: *mut u8, l: Layout) {
        match class_of(l.size(), l.align()) {
            Some(k) => (*self.heap.get()).push(k, ptr as usize),
            None => self.large.dealloc(ptr, l),
        }
    }

    /// A block within its class stays; two large ones are the large allocator's to move.
    ///
    /// # Safety
    /// As [`GlobalAlloc::realloc`], and as [`Allocator::alloc`].
    pub unsafe fn realloc(&self, ptr: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        let (old, new) = (class_of(l.size(), l.align()), class_of(new_size, l.align()));
        if old.is_some() && old == new {
            return ptr;
        }
        if old.is_none() && new.is_none() {
            return self.large.realloc(ptr, l, new_size);
        }
        let moved = self.alloc(Layout::from_size_align_unchecked(new_size, l.align()));
        if !moved.is_null() {
            std::ptr::copy_nonoverlapping(ptr, moved, l.size().min(new_size));
            self.dealloc(ptr, l);
        }
        moved
    }
}

/// `memory.grow` on wasm32.
#[cfg(target_arch = "wasm32")]
pub struct WasmMemory;

#[cfg(target_arch = "wasm32")]
impl Grow for WasmMemory {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
        const PAGE: usize = 1 << 16;
        let pages = bytes.div_ceil(PAGE);
        let before = core::arch::wasm32::memory_grow(0, pages);
        (before != usize::MAX).then(|| (before * PAGE, (before + pages) * PAGE))
    }
}

/// The wasm build's global allocator (single-threaded: wasm32 without shared memory).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
pub type WasmAlloc = Allocator<WasmMemory, std::alloc::System>;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl Sync for WasmAlloc {}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl GlobalAlloc for WasmAlloc {
    #[inline]
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        Allocator::alloc(self, l)
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, l: Layout) {
        Allocator::dealloc(self, ptr, l)
    }
    unsafe fn realloc(&self, ptr: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        Allocator::realloc(self, ptr, l, new_size)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Memory for a test heap: one buffer handed out from its start, in growths that may be
    /// made discontiguous (as when something else grows wasm's memory in between).
    struct Arena {
        buffer: Vec<u128>,
        used: usize,
        skip_next: bool,
    }

    impl Grow for Arena {
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            if std::mem::take(&mut self.skip_next) {
                self.used += 4096;
            }
            // (from the buffer's first 4 KiB boundary: growths start page-aligned, as in wasm)
            let at = self.buffer.as_ptr() as usize;
            let base = (at + 4095) & !4095;
            let start = self.used;
            (base - at + start + bytes <= self.buffer.len() * 16).then(|| {
                self.used += bytes;
                (base + start, base + start + bytes)
            })
        }
    }

    fn arena(mib: usize) -> Arena {
        Arena { buffer: vec![0; mib << 16], used: 0, skip_next: false }
    }

    #[test]
    fn classes_hold_what_is_asked() {
        for size in 1..5000usize {
            for align in [1, 8, 16, 64, 4096] {
                match class_of(size, align) {
                    Some(k) => assert!(1 << k >= size.max(align).max(16) && 1 << k < size.max(align).max(16) * 2, "{size} {align} {k}"),
                    None => assert!(size.max(align) > 4096, "{size} {align}"),
                }
            }
        }
    }

    #[test]
    fn a_freed_block_is_reused_and_realloc_within_a_class_keeps_it() {
        let a = Allocator::new(arena(4), std::alloc::System);
        let l = |size| Layout::from_size_align(size, 8).unwrap();
        unsafe {
            let p = a.alloc(l(100));
            a.dealloc(p, l(100));
            assert_eq!(a.alloc(l(120)), p);
            assert_eq!(a.realloc(p, l(120), 128), p);
            let q = a.realloc(p, l(128), 129);
            assert_ne!(q, p);
            assert_eq!(a.alloc(l(65)), p, "the old block went back to its class");
            let big = a.realloc(q, l(129), 10_000);
            let buffer = (*a.heap.get()).source.buffer.as_ptr_range();
            assert!(!buffer.contains(&(big as *const u128)), "a large block is the large allocator's");
            a.dealloc(big, l(10_000));
        }
    }

    #[test]
    fn exhausted_memory_still_serves_what_is_free() {
        let h = Allocator::new(arena(1), std::alloc::System);
        let l = |size| Layout::from_size_align(size, 16).unwrap();
        unsafe {
            let blocks: Vec<*mut u8> = std::iter::from_fn(|| Some(h.alloc(l(4096)))).take_while(|p| !p.is_null()).collect();
            assert_eq!(blocks.len(), 3 * MIN_GROW / 4096, "three growths fit after the first page boundary");
            assert!(h.alloc(l(4096)).is_null());
            h.dealloc(blocks[7], l(4096));
            assert_eq!(h.alloc(l(100)), blocks[7], "a larger free block is split");
            assert!(!h.alloc(l(100)).is_null());
        }
    }

    #[derive(Debug, Clone)]
    enum Op {
        Alloc(usize, u32),
        Free(usize),
        Realloc(usize, usize),
        Discontiguous,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (1usize..6000, 0u32..7).prop_map(|(s, a)| Op::Alloc(s, a)),
            2 => any::<usize>().prop_map(Op::Free),
            2 => (any::<usize>(), 1usize..6000).prop_map(|(i, s)| Op::Realloc(i, s)),
            1 => Just(Op::Discontiguous),
        ]
    }

    proptest! {
        #[test]
        fn live_blocks_are_aligned_disjoint_and_keep_their_bytes(ops in proptest::collection::vec(op(), 1..300)) {
            let h = Allocator::new(arena(64), std::alloc::System);
            // (address, size, align, fill byte)
            let mut live: Vec<(usize, usize, usize, u8)> = Vec::new();
            let check = |live: &[(usize, usize, usize, u8)]| {
                let mut spans: Vec<(usize, usize)> = live.iter().map(|&(a, s, _, _)| (a, a + s)).collect();
                spans.sort();
                spans.windows(2).all(|w| w[0].1 <= w[1].0)
            };
            for (n, op) in ops.into_iter().enumerate() {
                let fill = n as u8;
                unsafe {
                    match op {
                        Op::Alloc(size, a) => {
                            let align = 1 << a;
                            let p = h.alloc(Layout::from_size_align(size, align).unwrap());
                            prop_assert!(!p.is_null());
                            prop_assert_eq!(p as usize % align, 0);
                            std::ptr::write_bytes(p, fill, size);
                            live.push((p as usize, size, align, fill));
                        }
                        Op::Free(i) if !live.is_empty() => {
                            let (a, s, al, f) = live.swap_remove(i % live.len());
                            prop_assert!(std::slice::from_raw_parts(a as *const u8, s).iter().all(|&b| b == f));
                            h.dealloc(a as *mut u8, Layout::from_size_align(s, al).unwrap());
                        }
                        Op::Realloc(i, new) if !live.is_empty() => {
                            let k = i % live.len();
                            let (a, s, al, f) = live[k];
                            let p = h.realloc(a as *mut u8, Layout::from_size_align(s, al).unwrap(), new);
                            prop_assert!(!p.is_null());
                            prop_assert_eq!(p as usize % al, 0);
                            prop_assert!(std::slice::from_raw_parts(p, s.min(new)).iter().all(|&b| b == f));
                            std::ptr::write_bytes(p, f, new);
                            live[k] = (p as usize, new, al, f);
                        }
                        Op::Discontiguous => (*h.heap.get()).source.skip_next = true,
                        _ => {}
                    }
                }
                prop_assert!(check(&live));
            }
            for &(a, s, _, f) in &live {
                let bytes = unsafe { std::slice::from_raw_parts(a as *const u8, s) };
                prop_assert!(bytes.iter().all(|&b| b == f));
            }
        }
    }
}

//! Stage timing shared by `tests/scaling.rs` and `examples/bench_native.rs` (included with
//! `mod timing;` / `#[path]`): this thread's CPU time, and every stage run by hand in
//! pipeline order, timed one by one.

use lede::{clean, pipeline, Doc};

/// This thread's CPU time in ms: unlike wall time it does not count the time other processes
/// on a shared machine take from us. Falls back to wall time off 64-bit Linux.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
pub fn cpu_ms() -> f64 {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec through a valid, exclusive pointer.
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
pub fn cpu_ms() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1e3
}

/// `clean`, then every stage of `pipeline::STAGES`, each timed (CPU ms); the total and the doc.
pub fn timed_stages(text: &str) -> (f64, Vec<(&'static str, f64)>, Doc) {
    let mut doc = Doc::new(text);
    let mut times = Vec::new();
    let t0 = cpu_ms();
    let t = cpu_ms();
    clean::clean_stage(&mut doc);
    times.push(("clean", cpu_ms() - t));
    for &(name, stage) in pipeline::STAGES {
        let t = cpu_ms();
        stage(&mut doc);
        times.push((name, cpu_ms() - t));
    }
    (cpu_ms() - t0, times, doc)
}

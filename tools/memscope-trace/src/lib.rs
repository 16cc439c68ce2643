//! `memscope_trace::Tracer`: a `#[global_allocator]` that records every allocation, free and
//! realloc of a Rust program in memscope's trace format (`traces/FORMAT.md`), so the program's
//! real heap workload can be replayed under memscope's allocator policies.
//!
//! ```ignore
//! #[global_allocator]
//! static GLOBAL: memscope_trace::Tracer = memscope_trace::Tracer;
//! ```
//!
//! Run the program with `MEMSCOPE_TRACE=out.jsonl` (or `out.csv` for CSV, or set
//! `MEMSCOPE_TRACE_FORMAT=csv`). Without `MEMSCOPE_TRACE` nothing is written.
//!
//! # Why recording never recurses into the allocator
//!
//! Writing a trace line must not allocate: an allocation would call back into `Tracer`.
//! * Lines are formatted by hand into a fixed 64 KiB buffer inside a `static` (no `format!`,
//!   no `String`), and written with `File::write_all`, which is a plain `write(2)`.
//! * The buffer sits behind a `std::sync::Mutex`, which is a futex word: locking never allocates.
//! * A `thread_local!` flag marks "this thread is inside the tracer". The one place that does
//!   allocate — the first call, which reads `MEMSCOPE_TRACE` (an `OsString`) and opens the file —
//!   runs with the flag set, so those nested allocations go straight to `System`, untraced,
//!   and so do their frees. The flag is a `const`-initialised `Cell<bool>` without a destructor,
//!   so touching it does not allocate either.
//! * The buffer is flushed when full, at process exit (a C `atexit` hook registered on the first
//!   call) and by [`flush`].
//!
//! # Call sites
//!
//! Each alloc and realloc also carries its call site (the `site` key in JSON lines, a `site`
//! column in CSV): up to 8 return addresses, innermost first, `;`-separated, found by walking the
//! stack with the platform unwinder (`_Unwind_Backtrace` from libgcc_s, which std links) into a
//! fixed array on the stack. Nothing is allocated for it: the walk reads the unwind tables in
//! place, and it runs with the "inside the tracer" flag set, so should the unwinder ever
//! allocate, that allocation goes straight to `System`. Addresses are absolute (the program's
//! load address varies with ASLR). `MEMSCOPE_TRACE_SITES=0` turns sites off (faster).
//!
//! Block ids are addresses (`0x…`). To keep the order of events true across threads, a free is
//! recorded before the block goes back to `System` and a realloc holds the lock across the
//! call, so no other thread can be handed the same address before its free is in the trace.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ffi::c_void;
use std::fs::File;
use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Mutex;

/// The allocator: `System` underneath, every operation recorded.
pub struct Tracer;

const BUFFER_BYTES: usize = 64 * 1024;
/// Return addresses kept per call site.
const SITE_FRAMES: usize = 8;
/// Longest line we ever format: a realloc with two 64-bit addresses and two 20-digit numbers,
/// plus a site of SITE_FRAMES addresses (19 bytes each with its separator).
const MAX_LINE_BYTES: usize = 160 + SITE_FRAMES * 19 + 16;

/// Whether sites are taken: 0 not known yet (before the first call), 1 yes, 2 no (not
/// recording, or MEMSCOPE_TRACE_SITES=0). Read without the lock, before the stack walk.
static SITES: AtomicU8 = AtomicU8::new(0);

/// A call site: return addresses, innermost first.
#[derive(Clone, Copy)]
struct Site {
    pcs: [usize; SITE_FRAMES],
    len: usize,
}

const NO_SITE: Site = Site { pcs: [0; SITE_FRAMES], len: 0 };

// The unwinder's C interface (libgcc_s / LLVM libunwind), linked by std on every unix target.
#[repr(C)]
struct UnwindContext {
    _private: [u8; 0],
}
const URC_NO_REASON: i32 = 0;
const URC_NORMAL_STOP: i32 = 4;
extern "C" {
    fn _Unwind_Backtrace(trace: extern "C" fn(*mut UnwindContext, *mut c_void) -> i32, arg: *mut c_void) -> i32;
    fn _Unwind_GetIP(context: *mut UnwindContext) -> usize;
}

/// Frames of the walk not to keep: `call_site` itself and the `GlobalAlloc` method that called it.
const SKIP_FRAMES: usize = 2;

struct Walk {
    site: Site,
    skip: usize,
}

extern "C" fn on_frame(context: *mut UnwindContext, arg: *mut c_void) -> i32 {
    // SAFETY: `arg` is the &mut Walk that call_site passed, alive for the whole walk.
    let walk = unsafe { &mut *(arg as *mut Walk) };
    // SAFETY: the unwinder hands us a valid context for the frame being visited.
    let ip = unsafe { _Unwind_GetIP(context) };
    if ip == 0 {
        return URC_NORMAL_STOP;
    }
    if walk.skip > 0 {
        walk.skip -= 1;
        return URC_NO_REASON;
    }
    walk.site.pcs[walk.site.len] = ip;
    walk.site.len += 1;
    if walk.site.len == SITE_FRAMES { URC_NORMAL_STOP } else { URC_NO_REASON }
}

/// The caller's return addresses, walked into a stack array; NO_SITE when sites are off or
/// this thread is already inside the tracer. Not inlined, so SKIP_FRAMES is right.
#[inline(never)]
fn call_site() -> Site {
    if SITES.load(Ordering::Relaxed) == 2 {
        return NO_SITE;
    }
    let entered = IN_TRACER.try_with(|busy| !busy.replace(true)).unwrap_or(false);
    if !entered {
        return NO_SITE;
    }
    let mut walk = Walk { site: NO_SITE, skip: SKIP_FRAMES };
    // SAFETY: on_frame only writes into `walk`, which outlives the call.
    unsafe {
        _Unwind_Backtrace(on_frame, &mut walk as *mut Walk as *mut c_void);
    }
    let _ = IN_TRACER.try_with(|busy| busy.set(false));
    walk.site
}

thread_local! {
    static IN_TRACER: Cell<bool> = const { Cell::new(false) };
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    /// First call not made yet: MEMSCOPE_TRACE not read.
    Unopened,
    Recording,
    /// No MEMSCOPE_TRACE, or the file could not be opened or written.
    Off,
}

struct Sink {
    state: State,
    csv: bool,
    sites: bool,
    file: Option<File>,
    len: usize,
    buf: [u8; BUFFER_BYTES],
}

static SINK: Mutex<Sink> = Mutex::new(Sink { state: State::Unopened, csv: false, sites: false, file: None, len: 0, buf: [0; BUFFER_BYTES] });

enum Event {
    Alloc { ptr: usize, size: usize, align: usize, site: Site },
    Free { ptr: usize },
    Realloc { ptr: usize, new_ptr: usize, size: usize, align: usize, site: Site },
}

/// Runs `f` on the sink unless this thread is already inside the tracer; returns None then.
fn with_sink<R>(f: impl FnOnce(&mut Sink) -> R) -> Option<R> {
    IN_TRACER
        .try_with(|busy| {
            if busy.get() {
                return None;
            }
            busy.set(true);
            let result = {
                let mut sink = SINK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                f(&mut sink)
            };
            busy.set(false);
            Some(result)
        })
        .ok()
        .flatten()
}

impl Sink {
    fn record(&mut self, event: Event) {
        if self.state == State::Unopened {
            self.open();
        }
        if self.state != State::Recording {
            return;
        }
        if self.len + MAX_LINE_BYTES > BUFFER_BYTES {
            self.flush();
        }
        let sites = self.sites;
        let mut line = Line { buf: &mut self.buf, len: self.len };
        if self.csv {
            match event {
                Event::Alloc { ptr, size, align, site } => {
                    line.text("alloc,").hex(ptr).text(",").dec(size).text(",").dec(align).text(",");
                    if sites {
                        line.text(",").site(&site);
                    }
                }
                Event::Free { ptr } => {
                    line.text("free,").hex(ptr).text(",,,");
                    if sites {
                        line.text(",");
                    }
                }
                Event::Realloc { ptr, new_ptr, size, align, site } => {
                    line.text("realloc,").hex(ptr).text(",").dec(size).text(",").dec(align).text(",").hex(new_ptr);
                    if sites {
                        line.text(",").site(&site);
                    }
                }
            }
            line.text("\n");
        } else {
            match event {
                Event::Alloc { ptr, size, align, site } => {
                    line.text("{\"op\":\"alloc\",\"id\":\"").hex(ptr).text("\",\"size\":").dec(size);
                    line.text(",\"align\":").dec(align);
                    if sites && site.len > 0 {
                        line.text(",\"site\":\"").site(&site).text("\"");
                    }
                    line.text("}\n");
                }
                Event::Free { ptr } => {
                    line.text("{\"op\":\"free\",\"id\":\"").hex(ptr).text("\"}\n");
                }
                Event::Realloc { ptr, new_ptr, size, align, site } => {
                    line.text("{\"op\":\"realloc\",\"id\":\"").hex(ptr).text("\",\"new_id\":\"").hex(new_ptr);
                    line.text("\",\"size\":").dec(size).text(",\"align\":").dec(align);
                    if sites && site.len > 0 {
                        line.text(",\"site\":\"").site(&site).text("\"");
                    }
                    line.text("}\n");
                }
            }
        }
        self.len = line.len;
    }

    /// First call: read MEMSCOPE_TRACE and open the file. Runs inside the tracer, so the
    /// allocations std makes here (the OsString, a long path's CString) are not traced.
    fn open(&mut self) {
        self.state = State::Off;
        SITES.store(2, Ordering::Relaxed);
        let Some(path) = std::env::var_os("MEMSCOPE_TRACE") else { return };
        let format = std::env::var_os("MEMSCOPE_TRACE_FORMAT");
        self.csv = match format.as_ref().and_then(|f| f.to_str()) {
            Some(f) => f.eq_ignore_ascii_case("csv"),
            None => path.to_str().is_some_and(|p| p.ends_with(".csv")),
        };
        self.sites = std::env::var_os("MEMSCOPE_TRACE_SITES").map_or(true, |v| v != "0");
        let Ok(file) = File::create(&path) else { return };
        self.file = Some(file);
        self.state = State::Recording;
        SITES.store(if self.sites { 1 } else { 2 }, Ordering::Relaxed);
        let mut line = Line { buf: &mut self.buf, len: 0 };
        line.text("#memscope-trace v1\n");
        if self.csv {
            line.text(if self.sites { "op,id,size,align,new_id,site\n" } else { "op,id,size,align,new_id\n" });
        }
        self.len = line.len;
        extern "C" {
            fn atexit(callback: extern "C" fn()) -> i32;
        }
        extern "C" fn flush_at_exit() {
            flush();
        }
        // SAFETY: registering a plain function with the C library that std itself links.
        unsafe {
            atexit(flush_at_exit);
        }
    }

    fn flush(&mut self) {
        if let Some(file) = self.file.as_mut() {
            if file.write_all(&self.buf[..self.len]).is_err() {
                self.state = State::Off;
                self.file = None;
            }
        }
        self.len = 0;
    }
}

/// Formats into the fixed buffer; the caller made sure MAX_LINE_BYTES are free.
struct Line<'a> {
    buf: &'a mut [u8; BUFFER_BYTES],
    len: usize,
}

impl Line<'_> {
    fn text(&mut self, s: &str) -> &mut Self {
        self.buf[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
        self.len += s.len();
        self
    }

    fn dec(&mut self, mut n: usize) -> &mut Self {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.raw(&digits[i..])
    }

    fn hex(&mut self, mut n: usize) -> &mut Self {
        let mut digits = [0u8; 18];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b"0123456789abcdef"[n & 15];
            n >>= 4;
            if n == 0 {
                break;
            }
        }
        i -= 2;
        digits[i] = b'0';
        digits[i + 1] = b'x';
        self.raw(&digits[i..])
    }

    /// `0x…;0x…`, innermost first.
    fn site(&mut self, site: &Site) -> &mut Self {
        for (i, &pc) in site.pcs[..site.len].iter().enumerate() {
            if i > 0 {
                self.text(";");
            }
            self.hex(pc);
        }
        self
    }

    fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
        self
    }
}

/// Writes out what the tracer has buffered. Called at exit by itself; call it before
/// `std::process::abort` or when watching the trace while the program runs.
pub fn flush() {
    with_sink(|sink| sink.flush());
}

// The methods are not inlined so that each is exactly one frame between call_site and the
// caller (SKIP_FRAMES).
unsafe impl GlobalAlloc for Tracer {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let site = call_site();
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            with_sink(|s| s.record(Event::Alloc { ptr: ptr as usize, size: layout.size(), align: layout.align(), site }));
        }
        ptr
    }

    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let site = call_site();
        let ptr = System.alloc_zeroed(layout);
        if !ptr.is_null() {
            with_sink(|s| s.record(Event::Alloc { ptr: ptr as usize, size: layout.size(), align: layout.align(), site }));
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // Recorded first: until System has it back, no other thread can be given this address.
        with_sink(|s| s.record(Event::Free { ptr: ptr as usize }));
        System.dealloc(ptr, layout);
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let site = call_site();
        // The lock is held across the call so the old address cannot be reused elsewhere before
        // this realloc is in the trace. A failed realloc leaves the old block live: not recorded.
        let traced = with_sink(|s| {
            let new_ptr = System.realloc(ptr, layout, new_size);
            if !new_ptr.is_null() {
                s.record(Event::Realloc { ptr: ptr as usize, new_ptr: new_ptr as usize, size: new_size, align: layout.align(), site });
            }
            new_ptr
        });
        match traced {
            Some(new_ptr) => new_ptr,
            None => System.realloc(ptr, layout, new_size),
        }
    }
}

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
//! Block ids are addresses (`0x…`). To keep the order of events true across threads, a free is
//! recorded before the block goes back to `System` and a realloc holds the lock across the
//! call, so no other thread can be handed the same address before its free is in the trace.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fs::File;
use std::io::Write;
use std::sync::Mutex;

/// The allocator: `System` underneath, every operation recorded.
pub struct Tracer;

const BUFFER_BYTES: usize = 64 * 1024;
/// Longest line we ever format: a realloc with two 64-bit addresses and two 20-digit numbers.
const MAX_LINE_BYTES: usize = 160;

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
    file: Option<File>,
    len: usize,
    buf: [u8; BUFFER_BYTES],
}

static SINK: Mutex<Sink> = Mutex::new(Sink { state: State::Unopened, csv: false, file: None, len: 0, buf: [0; BUFFER_BYTES] });

enum Event {
    Alloc { ptr: usize, size: usize, align: usize },
    Free { ptr: usize },
    Realloc { ptr: usize, new_ptr: usize, size: usize, align: usize },
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
        let mut line = Line { buf: &mut self.buf, len: self.len };
        if self.csv {
            match event {
                Event::Alloc { ptr, size, align } => {
                    line.text("alloc,").hex(ptr).text(",").dec(size).text(",").dec(align).text(",\n");
                }
                Event::Free { ptr } => {
                    line.text("free,").hex(ptr).text(",,,\n");
                }
                Event::Realloc { ptr, new_ptr, size, align } => {
                    line.text("realloc,").hex(ptr).text(",").dec(size).text(",").dec(align).text(",").hex(new_ptr).text("\n");
                }
            }
        } else {
            match event {
                Event::Alloc { ptr, size, align } => {
                    line.text("{\"op\":\"alloc\",\"id\":\"").hex(ptr).text("\",\"size\":").dec(size);
                    line.text(",\"align\":").dec(align).text("}\n");
                }
                Event::Free { ptr } => {
                    line.text("{\"op\":\"free\",\"id\":\"").hex(ptr).text("\"}\n");
                }
                Event::Realloc { ptr, new_ptr, size, align } => {
                    line.text("{\"op\":\"realloc\",\"id\":\"").hex(ptr).text("\",\"new_id\":\"").hex(new_ptr);
                    line.text("\",\"size\":").dec(size).text(",\"align\":").dec(align).text("}\n");
                }
            }
        }
        self.len = line.len;
    }

    /// First call: read MEMSCOPE_TRACE and open the file. Runs inside the tracer, so the
    /// allocations std makes here (the OsString, a long path's CString) are not traced.
    fn open(&mut self) {
        self.state = State::Off;
        let Some(path) = std::env::var_os("MEMSCOPE_TRACE") else { return };
        let format = std::env::var_os("MEMSCOPE_TRACE_FORMAT");
        self.csv = match format.as_ref().and_then(|f| f.to_str()) {
            Some(f) => f.eq_ignore_ascii_case("csv"),
            None => path.to_str().is_some_and(|p| p.ends_with(".csv")),
        };
        let Ok(file) = File::create(&path) else { return };
        self.file = Some(file);
        self.state = State::Recording;
        let mut line = Line { buf: &mut self.buf, len: 0 };
        line.text("#memscope-trace v1\n");
        if self.csv {
            line.text("op,id,size,align,new_id\n");
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

unsafe impl GlobalAlloc for Tracer {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            with_sink(|s| s.record(Event::Alloc { ptr: ptr as usize, size: layout.size(), align: layout.align() }));
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc_zeroed(layout);
        if !ptr.is_null() {
            with_sink(|s| s.record(Event::Alloc { ptr: ptr as usize, size: layout.size(), align: layout.align() }));
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // Recorded first: until System has it back, no other thread can be given this address.
        with_sink(|s| s.record(Event::Free { ptr: ptr as usize }));
        System.dealloc(ptr, layout);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // The lock is held across the call so the old address cannot be reused elsewhere before
        // this realloc is in the trace. A failed realloc leaves the old block live: not recorded.
        let traced = with_sink(|s| {
            let new_ptr = System.realloc(ptr, layout, new_size);
            if !new_ptr.is_null() {
                s.record(Event::Realloc { ptr: ptr as usize, new_ptr: new_ptr as usize, size: new_size, align: layout.align() });
            }
            new_ptr
        });
        match traced {
            Some(new_ptr) => new_ptr,
            None => System.realloc(ptr, layout, new_size),
        }
    }
}

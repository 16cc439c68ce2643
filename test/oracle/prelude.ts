/**
 * The Rust side of the oracle: a logging `#[global_allocator]` appended to the program under test,
 * and the rewrite of its `fn main()` so recording brackets the whole body.
 *
 * Why appended, not prepended: Rust items may appear in any order, so appending keeps every line of
 * the user's source at its original line number (rustc's errors then point at the right line) and
 * leaves leading inner attributes (`#![allow(..)]`) first, where rustc requires them.
 */

/** Environment variable naming the file the program writes its events to after `stop`. */
export const EVENTS_FILE_ENV = 'MEMSCOPE_ORACLE_OUT';

/** How many events the static buffer holds; the harness reports an overflow instead of truncating silently. */
export const EVENT_CAPACITY = 1 << 16;

/** First line of the event file; bump the number if the line format changes. */
export const EVENTS_HEADER = 'memscope-oracle 1';

/**
 * The logging allocator. Constraints it keeps, and why:
 * - no allocation, no I/O inside the allocator (it would recurse or deadlock on the stdout lock):
 *   each event goes into a static array of atomics at an index taken with `fetch_add`;
 * - `realloc` is forwarded to `System.realloc` and logged as one event (the trait's default
 *   would show up as alloc + copy + dealloc, which is not what std asks for);
 * - `alloc_zeroed` is logged with its own name so the TS side can fold it into `alloc` knowingly;
 * - pointers are logged so the TS side can tell which block a dealloc frees.
 * The file is written only after recording stops, so its own allocations are never logged.
 */
const ALLOCATOR = String.raw`
#[allow(dead_code)]
mod memscope_oracle {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};

    const CAPACITY: usize = ${EVENT_CAPACITY};
    const FIELDS: usize = 6;
    const OP_ALLOC: usize = 1;
    const OP_ZEROED: usize = 2;
    const OP_REALLOC: usize = 3;
    const OP_DEALLOC: usize = 4;

    static SLOTS: [AtomicUsize; CAPACITY * FIELDS] = [const { AtomicUsize::new(0) }; CAPACITY * FIELDS];
    static LEN: AtomicUsize = AtomicUsize::new(0);
    static RECORDING: AtomicBool = AtomicBool::new(false);
    static EXPLICIT: AtomicBool = AtomicBool::new(false);

    fn record(op: usize, size: usize, align: usize, old_size: usize, old_ptr: usize, ptr: usize) {
        // A panic ends the recording: std counts the panic before it formats the message or
        // captures a backtrace, so nothing of that (nor the unwinding drops) is logged.
        if !RECORDING.load(SeqCst) || std::thread::panicking() {
            return;
        }
        let i = LEN.fetch_add(1, SeqCst);
        if i >= CAPACITY {
            return; // counted by LEN, reported as dropped
        }
        let fields = [op, size, align, old_size, old_ptr, ptr];
        let mut k = 0;
        while k < FIELDS {
            SLOTS[i * FIELDS + k].store(fields[k], SeqCst);
            k += 1;
        }
    }

    pub struct Logging;

    unsafe impl GlobalAlloc for Logging {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc(layout) };
            record(OP_ALLOC, layout.size(), layout.align(), 0, 0, p as usize);
            p
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc_zeroed(layout) };
            record(OP_ZEROED, layout.size(), layout.align(), 0, 0, p as usize);
            p
        }
        unsafe fn realloc(&self, old: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = unsafe { System.realloc(old, layout, new_size) };
            record(OP_REALLOC, new_size, layout.align(), layout.size(), old as usize, p as usize);
            p
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            record(OP_DEALLOC, layout.size(), layout.align(), 0, ptr as usize, 0);
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static GLOBAL: Logging = Logging;

    /// Starts (or resumes) recording. The first call discards what the automatic whole-main
    /// recording gathered so far, so a program that brackets a region records only that region.
    pub fn start() {
        if !EXPLICIT.swap(true, SeqCst) {
            LEN.store(0, SeqCst);
        }
        RECORDING.store(true, SeqCst);
    }

    /// Pauses recording; a later start() appends to the same sequence.
    pub fn stop() {
        RECORDING.store(false, SeqCst);
    }

    /// std creates stdout's LineWriter (a 1024-byte buffer) on the first use of stdout. Doing
    /// that here, before recording, keeps it out of the program's sequence.
    pub fn warm_up() {
        use std::io::Write;
        let _ = std::io::stdout().flush();
    }

    /// Records from creation until drop: the drop runs after the user's main has returned (and
    /// dropped its locals), or while a panic unwinds.
    pub struct Session;

    impl Session {
        pub fn begin() -> Session {
            RECORDING.store(true, SeqCst);
            Session
        }
    }

    impl Drop for Session {
        fn drop(&mut self) {
            stop();
            write_events();
        }
    }

    /// Wraps the user's std::process::exit: std's exit runs no destructors (so the Session
    /// never writes) and its runtime cleanup frees stdout's buffer, which the program did not
    /// ask for. Stopping first keeps the sequence to what the program did. The user's path is
    /// kept inside the wrapper, so it resolves (or fails, E0433) exactly as it did.
    pub struct Flushed(pub fn(i32) -> !);

    impl Flushed {
        pub fn call(self, code: i32) -> ! {
            stop();
            write_events();
            (self.0)(code)
        }
    }

    fn write_events() {
        use std::fmt::Write as _;
        use std::io::Write as _;
        let len = LEN.load(SeqCst);
        let kept = if len < CAPACITY { len } else { CAPACITY };
        let mut out = String::new();
        out.push_str("${EVENTS_HEADER}\n");
        for i in 0..kept {
            let f = |k: usize| SLOTS[i * FIELDS + k].load(SeqCst);
            let _ = match f(0) {
                OP_ALLOC => writeln!(out, "alloc {} {} {:x}", f(1), f(2), f(5)),
                OP_ZEROED => writeln!(out, "alloc_zeroed {} {} {:x}", f(1), f(2), f(5)),
                OP_REALLOC => writeln!(out, "realloc {} {} {} {:x} {:x}", f(3), f(1), f(2), f(4), f(5)),
                _ => writeln!(out, "dealloc {} {} {:x}", f(1), f(2), f(4)),
            };
        }
        let _ = writeln!(out, "end {} {}", kept, len - kept);
        match std::env::var_os("${EVENTS_FILE_ENV}") {
            Some(path) => std::fs::write(path, out).expect("memscope oracle: cannot write the event file"),
            None => {
                let _ = std::io::stderr().write_all(out.as_bytes());
            }
        }
    }
}
`;

/** A top-level `fn main()` (optionally `pub`, optionally with a return type) at the start of a line. */
const MAIN_FN = /^(pub\s+)?fn(\s+)main(\s*\(\s*\)\s*)(->\s*[^{]*?)?(\s*\{)/gm;

/**
 * A call of `std::process::exit(` or `process::exit(`, wrapped so the events are written first
 * (`Flushed` in the allocator module). The rewrite stays on its line and leaves every column
 * before it alone, so rustc's line numbers and panic locations are unchanged.
 */
const PROCESS_EXIT = /\b((?:std::)?process::exit)\s*\(/g;

/** The name the user's main is renamed to; the appended main calls it inside a recording session. */
export const USER_MAIN = '__memscope_user_main';

/**
 * Returns the program to compile: the user's source with `fn main` renamed (same line, so line
 * numbers are kept), followed by the allocator and a new `main` that warms std up, records while
 * the user's main runs, and writes the events when it is done.
 */
export interface InstrumentOptions {
  fileName?: string;
  /** Create std's lazy stdout buffer before recording (default true); false shows what std allocates itself. */
  warmUp?: boolean;
}

export function instrument(source: string, opts: InstrumentOptions = {}): string {
  const fileName = opts.fileName ?? 'main.rs';
  const mains = [...source.matchAll(MAIN_FN)];
  if (mains.length !== 1) {
    const where = mains.map((m) => `line ${lineOf(source, m.index ?? 0)}`).join(', ');
    throw new Error(
      mains.length === 0
        ? `${fileName}: expected a top-level \`fn main()\` starting at the beginning of a line, found none`
        : `${fileName}: expected exactly one top-level \`fn main()\`, found ${mains.length} (${where})`,
    );
  }
  const returnType = (mains[0][4] ?? '').trim();
  const renamed = source.replace(PROCESS_EXIT, 'crate::memscope_oracle::Flushed($1).call(').replace(
    MAIN_FN,
    (_all, vis: string | undefined, gap: string, params: string, ret: string | undefined, open: string) =>
      `${vis ?? ''}fn${gap}${USER_MAIN}${params}${ret ?? ''}${open}`,
  );
  const wrapper = [
    '',
    `fn main()${returnType ? ` ${returnType}` : ''} {`,
    ...(opts.warmUp === false ? [] : ['    memscope_oracle::warm_up();']),
    '    let _session = memscope_oracle::Session::begin();',
    `    ${USER_MAIN}()`,
    '}',
  ].join('\n');
  return `${renamed}\n${ALLOCATOR}${wrapper}\n`;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

import type { Layout, Ty } from '../layout/types';

/** Return address and saved frame pointer: what every call pushes before its locals. */
export const FRAME_HEADER_BYTES = 16;

/** The x86-64 ABI keeps the stack pointer 16-aligned at every call, so a frame's size is a multiple of 16. */
const FRAME_ALIGN = 16;

/** Where one local sits in its frame: bytes below the frame's base (its highest address). */
export interface PlannedLocal {
  readonly name: string;
  readonly ty: Ty;
  /** -1 until laid out; stays -1 for a type with no size known before it runs (a `dyn` value). */
  offset: number;
  size: number;
  align: number;
  /** The name's and type's string ids in the recorder that last recorded this local (a call is a hot path). */
  rec?: object;
  nameId?: number;
  typeId?: number;
}

/**
 * A function's frame as rustc makes it: every local the function can declare has its own slot,
 * fixed when the function is compiled, and the call reserves them all at once (one move of the
 * stack pointer). A local is uninitialised until its `let` runs; at the end of its scope it is
 * dead again, its bytes still reserved until the return. Locals are laid out in declaration
 * order, each below the last at its type's alignment (debug builds give every local its own
 * slot; no two share one).
 *
 *   fn f() { let a: u8 = 1; { let b: u64 = 2; } }   // frame: header 16, a at -17, b at -32 → 32 bytes
 */
export class FramePlan {
  readonly locals: PlannedLocal[] = [];
  /** Header plus locals, rounded to 16; known once laid out. */
  size = -1;
  /** The function's name and its string id in the recorder that last pushed this frame (a call is a hot path). */
  rec?: object;
  fn?: string;
  fnId = -1;

  /** Adds a local (at compile time); returns its slot, the number events give it. */
  add(name: string, ty: Ty): number {
    this.locals.push({ name, ty, offset: -1, size: 0, align: 1 });
    this.size = -1;
    return this.locals.length - 1;
  }

  /** Places the locals under the header (once, at the first call: a generic's layouts are known by then). */
  layOut(layoutOf: (ty: Ty) => Layout): void {
    let below = FRAME_HEADER_BYTES;
    for (const local of this.locals) {
      let layout: Layout;
      try {
        if (local.ty.kind === 'dyn') throw new Error('unsized');
        layout = layoutOf(local.ty);
      } catch {
        local.offset = -1; // placed when its let runs, below the frame (see Machine.bind)
        continue;
      }
      const align = Math.max(layout.align, 1);
      below = Math.ceil((below + layout.size) / align) * align;
      local.offset = below;
      local.size = layout.size;
      local.align = layout.align;
    }
    this.size = Math.ceil(below / FRAME_ALIGN) * FRAME_ALIGN;
  }
}

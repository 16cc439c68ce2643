/**
 * A policy's address map: where its live blocks sat over the whole replay, as a grid of
 * cells (a span of events × a span of heap addresses), each holding the share of the cell
 * that live blocks' requested bytes filled (0 = nothing live there, 1 = full). Every block
 * counts, not a sample: a block of `size` bytes at `address`, live from event `from` to
 * event `to`, adds the area of its rectangle [from, to) × [address, address + size) to the
 * cells it overlaps, so a cell's value is exact (its occupied byte-events over its area).
 *
 * Bounded however long the trace: the grid keeps at most COLUMNS × ROWS cells. Neither the
 * number of events nor the footprint is known up front (stdin), so when an event or an
 * address falls past the grid, neighbouring columns (or rows) are merged pairwise and the
 * span doubles, as the time series does. A block adds itself when it dies (or at the end),
 * in O(1): its rectangle is at most 9 constant parts (partial edge columns and rows, full middle),
 * each added to a 2-D difference array; the grid is its prefix sum, rebuilt only to merge.
 */
import type { AddressMap } from '../../format/lab-report';
import { grown } from '../../engine/grown';

export type { AddressMap } from '../../format/lab-report';

/** Grid size: columns of events, rows of addresses. */
export const COLUMNS = 240;
export const ROWS = 120;

export class AddressMapProbe {
  private eventsPerColumn = 1;
  private bytesPerRow = 16;
  /** Difference array, (ROWS + 1) × (COLUMNS + 1): cell (r, c) = sum of d over rows ≤ r, columns ≤ c. */
  private d = new Float64Array((ROWS + 1) * (COLUMNS + 1));
  /** Per block number: where and since when it is live, and how many bytes. */
  private from = new Float64Array(1024);
  private address = new Float64Array(1024);
  private size = new Float64Array(1024);

  /** Block `block` became live at `address` with `size` requested bytes after event `event`. */
  placed(block: number, address: number, size: number, event: number): void {
    if (block >= this.from.length) this.grow(block + 1);
    this.from[block] = event;
    this.address[block] = address;
    this.size[block] = size;
  }

  /** Block `block` (placed earlier) stopped being live at event `event`. */
  released(block: number, event: number): void {
    this.add(this.from[block], event, this.address[block], this.size[block]);
  }

  /** The grid, with the blocks in `live` (still live at the end) added up to `events`. */
  finish(events: number, live: Iterable<number>): AddressMap {
    for (const block of live) this.released(block, events);
    const columns = Math.max(1, Math.ceil(events / this.eventsPerColumn));
    const grid = this.grid();
    let rows = ROWS;
    while (rows > 0 && grid[rows - 1].every((v) => v === 0)) rows--;
    const area = this.eventsPerColumn * this.bytesPerRow;
    const occupancy: number[][] = [];
    for (let r = 0; r < rows; r++) {
      // Per mille is enough for a colour scale and keeps the JSON small (29k cells at most).
      occupancy.push(Array.from(grid[r].subarray(0, columns), (v) => Math.min(1, Math.max(0, Math.round((v / area) * 1000) / 1000))));
    }
    return { eventsPerColumn: this.eventsPerColumn, bytesPerRow: this.bytesPerRow, occupancy };
  }

  /** Adds the rectangle [t0, t1) × [a0, a0 + size) to the grid. */
  private add(t0: number, t1: number, a0: number, size: number): void {
    if (t1 <= t0 || size <= 0) return;
    const a1 = a0 + size;
    while (t1 > COLUMNS * this.eventsPerColumn) this.mergeColumns();
    while (a1 > ROWS * this.bytesPerRow) this.mergeRows();
    const cw = this.eventsPerColumn;
    const rh = this.bytesPerRow;
    const c0 = Math.floor(t0 / cw);
    const c1 = Math.ceil(t1 / cw) - 1;
    const r0 = Math.floor(a0 / rh);
    const r1 = Math.ceil(a1 / rh) - 1;
    // Overlap with the first and last row; the rows between are whole.
    const aFirst = r0 === r1 ? a1 - a0 : (r0 + 1) * rh - a0;
    const aLast = a1 - r1 * rh;
    if (c0 === c1) return this.addColumns(c0, c0, t1 - t0, r0, r1, aFirst, aLast);
    this.addColumns(c0, c0, (c0 + 1) * cw - t0, r0, r1, aFirst, aLast);
    if (c1 - c0 > 1) this.addColumns(c0 + 1, c1 - 1, cw, r0, r1, aFirst, aLast);
    this.addColumns(c1, c1, t1 - c1 * cw, r0, r1, aFirst, aLast);
  }

  /** Columns ca..cb, each overlapped for `t` events, by rows r0..r1 (first and last partly). */
  private addColumns(ca: number, cb: number, t: number, r0: number, r1: number, aFirst: number, aLast: number): void {
    if (r0 === r1) return this.addConstant(r0, r0, ca, cb, t * aFirst);
    this.addConstant(r0, r0, ca, cb, t * aFirst);
    if (r1 - r0 > 1) this.addConstant(r0 + 1, r1 - 1, ca, cb, t * this.bytesPerRow);
    this.addConstant(r1, r1, ca, cb, t * aLast);
  }

  /** Adds `v` to every cell of rows ra..rb, columns ca..cb (inclusive). */
  private addConstant(ra: number, rb: number, ca: number, cb: number, v: number): void {
    const w = COLUMNS + 1;
    const d = this.d;
    d[ra * w + ca] += v;
    d[ra * w + cb + 1] -= v;
    d[(rb + 1) * w + ca] -= v;
    d[(rb + 1) * w + cb + 1] += v;
  }

  /** The cells: prefix sums of the difference array. */
  private grid(): Float64Array[] {
    const w = COLUMNS + 1;
    const out: Float64Array[] = [];
    const run = new Float64Array(COLUMNS);
    for (let r = 0; r < ROWS; r++) {
      let across = 0;
      for (let c = 0; c < COLUMNS; c++) {
        across += this.d[r * w + c];
        run[c] += across;
      }
      out.push(run.slice());
    }
    return out;
  }

  /** Back from cells to a difference array. */
  private setGrid(cells: Float64Array[]): void {
    this.d.fill(0);
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLUMNS; c++) {
        const v = cells[r][c];
        if (v === 0) continue;
        this.addConstant(r, r, c, c, v);
      }
    }
  }

  private mergeColumns(): void {
    const cells = this.grid();
    for (const row of cells) {
      for (let c = 0; c < COLUMNS / 2; c++) row[c] = row[2 * c] + row[2 * c + 1];
      row.fill(0, COLUMNS / 2);
    }
    this.setGrid(cells);
    this.eventsPerColumn *= 2;
  }

  private mergeRows(): void {
    const cells = this.grid();
    for (let r = 0; r < ROWS / 2; r++) {
      const a = cells[2 * r];
      const b = cells[2 * r + 1];
      const merged = new Float64Array(COLUMNS);
      for (let c = 0; c < COLUMNS; c++) merged[c] = a[c] + b[c];
      cells[r] = merged;
    }
    for (let r = ROWS / 2; r < ROWS; r++) cells[r] = new Float64Array(COLUMNS);
    this.setGrid(cells);
    this.bytesPerRow *= 2;
  }

  private grow(n: number): void {
    let cap = this.from.length;
    while (cap < n) cap *= 2;
    this.from = grown(this.from, cap);
    this.address = grown(this.address, cap);
    this.size = grown(this.size, cap);
  }
}

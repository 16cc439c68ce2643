/**
 * Niches: bit patterns a type never uses, which an enclosing enum may borrow to store its
 * discriminant (`Option<&T>` is one pointer because null is never a valid `&T`).
 *
 * As in rustc, a niche is one scalar of the value (its offset and byte width) whose valid
 * values form a wrapping range `start..=end`; everything outside is free. Values are bigint
 * because scalars go up to 128 bits.
 */
export interface Niche {
  /** Byte offset of the scalar inside the value. */
  offset: number;
  /** Width of the scalar in bytes (1, 2, 4, 8 or 16). */
  bytes: number;
  /** Valid values, a wrapping range: start > end means it wraps past the maximum. */
  start: bigint;
  end: bigint;
}

export function maxValue(bytes: number): bigint {
  return (1n << BigInt(bytes * 8)) - 1n;
}

/** Number of invalid values, i.e. how many extra variants this niche could encode. */
export function available(n: Niche): bigint {
  return (n.start - (n.end + 1n)) & maxValue(n.bytes);
}

/** A niche for a scalar with this valid range, or undefined when every value is valid. */
export function nicheFromScalar(offset: number, bytes: number, start: bigint, end: bigint): Niche | undefined {
  const n: Niche = { offset, bytes, start, end };
  return available(n) > 0n ? n : undefined;
}

/**
 * Takes `count` invalid values for new variants. Returns the first value taken and the niche
 * left over, or undefined when too few values are free. Follows rustc's choice of which end
 * of the range to grow (prefer reaching zero, never wrap past it when avoidable) so that
 * nested enums pick the same values.
 */
export function reserve(n: Niche, count: bigint): { first: bigint; rest: Niche } | undefined {
  const max = maxValue(n.bytes);
  if (count > available(n)) return undefined;
  const moveStart = (): { first: bigint; rest: Niche } => {
    const start = (n.start - count) & max;
    return { first: start, rest: { ...n, start } };
  };
  const moveEnd = (): { first: bigint; rest: Niche } => {
    const first = (n.end + 1n) & max;
    const end = (n.end + count) & max;
    return { first, rest: { ...n, end } };
  };
  const distanceEndZero = max - n.end;
  if (n.start > n.end) return moveEnd(); // zero is already taken: the range wraps
  if (n.start <= distanceEndZero) return count <= n.start ? moveStart() : moveEnd();
  const end = (n.end + count) & max;
  const overshotZero = end >= 1n && end <= n.end;
  return overshotZero ? moveStart() : moveEnd();
}

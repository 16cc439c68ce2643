/** A typed array of the same kind, `capacity` long, starting with `array`'s elements: growing a column. */
export function grown<A extends Uint8Array | Int32Array | Float64Array>(array: A, capacity: number): A {
  const next = new (array.constructor as new (n: number) => A)(capacity);
  next.set(array);
  return next;
}

/**
 * A float's text as Rust prints it with `{}` and `{:?}`: the shortest digits that read back as the
 * same f32/f64. Display never uses an exponent. Debug switches to one (`1e16`, `1.5e-5`) when the
 * magnitude is at least 1e16 or below 1e-4, as core::fmt::float's float_to_general_debug does
 * (a precision, `{:.2?}`, goes through fixed digits instead, see fmt.ts fixedText).
 * Its own module because the diagram shows float values as Debug does, without the rest of fmt.
 */
const F32_HIGH = Math.fround(1e16);
const F32_LOW = Math.fround(1e-4);

export function floatText(x: number, debug: boolean, f32: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const shortest = f32 ? shortestF32(x) : String(x);
  const abs = Math.abs(x);
  if (debug && abs !== 0 && (abs >= (f32 ? F32_HIGH : 1e16) || abs < (f32 ? F32_LOW : 1e-4))) {
    // toExponential() without an argument keeps just the digits needed: "1.5e-5", "1e+20".
    return Number(shortest).toExponential().replace('e+', 'e');
  }
  let text = /e/.test(shortest) ? expand(shortest) : shortest;
  if (debug && !text.includes('.')) text += '.0';
  if (Object.is(x, -0)) text = debug ? '-0.0' : '-0';
  return text;
}

/** The fewest digits that round to the same f32 (JS's own shortest is for f64). */
function shortestF32(x: number): string {
  for (let p = 1; p <= 17; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(x);
}

/** JS's "1e+21" / "1e-7" written out in positional digits, as Display does. */
function expand(text: string): string {
  const [mant, expText] = text.split('e');
  const exp = Number(expText);
  const neg = mant!.startsWith('-');
  const digits = mant!.replace(/^-/, '').replace('.', '');
  const point = mant!.replace(/^-/, '').indexOf('.');
  const intLen = (point < 0 ? digits.length : point) + exp;
  let out: string;
  if (intLen <= 0) out = '0.' + '0'.repeat(-intLen) + digits;
  else if (intLen >= digits.length) out = digits + '0'.repeat(intLen - digits.length);
  else out = digits.slice(0, intLen) + '.' + digits.slice(intLen);
  return (neg ? '-' : '') + out;
}

/**
 * Rust type syntax → Ty, and simple `struct`/`enum` declarations → AdtDef.
 *
 * A small hand-written recursive-descent parser: the grammar is tiny, and its error messages
 * ("column 8: expected '>' to close 'Vec<'") are the point. The Rust front end builds AdtDefs
 * from tree-sitter; this parser serves the CLI, the API and the tests.
 */
import { STD_ARITY, type StdName } from './types';
import type { AdtDef, EnumDef, FieldDef, IntName, Repr, StructDef, Ty, VariantDef } from './types';
import { TypeSyntaxError } from './errors';

const INT_NAMES: readonly string[] = [
  'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize',
];

type TokKind = 'ident' | 'int' | 'lifetime' | 'punct' | 'eof';

interface Token {
  kind: TokKind;
  text: string;
  line: number;
  column: number;
  /** Offset in the source, for slicing out `dyn` bounds verbatim. */
  start: number;
  end: number;
}

/** Longest punctuation first so that `::` and `->` win over `:` and `-`. */
const PUNCTS = ['::', '->', '&', '*', '(', ')', '[', ']', ';', ',', '<', '>', ':', '!', '+', '=', '#', '{', '}', '-', '?'];

function lex(src: string, multiline: boolean): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (expected: string, found: string): never => {
    throw new TypeSyntaxError(line, i - lineStart + 1, expected, found, multiline);
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (src.startsWith('/*', i)) {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) fail("'*/' to close the comment", 'end of input');
      for (let j = i; j < close; j++) {
        if (src[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      }
      i = close + 2;
      continue;
    }
    const column = i - lineStart + 1;
    const push = (kind: TokKind, end: number): void => {
      tokens.push({ kind, text: src.slice(i, end), line, column, start: i, end });
      i = end;
    };
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (word) {
      push('ident', i + word[0].length);
      continue;
    }
    const num = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)([iu](8|16|32|64|128|size))?/.exec(src.slice(i));
    if (num) {
      push('int', i + num[0].length);
      continue;
    }
    if (c === "'") {
      const life = /^'[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
      if (!life) fail('a lifetime name after \'', describeChar(src[i + 1]));
      push('lifetime', i + life![0].length);
      continue;
    }
    const punct = PUNCTS.find((p) => src.startsWith(p, i));
    if (!punct) fail('a type', `'${c}'`);
    push('punct', i + punct!.length);
  }
  const lastCol = src.length - lineStart + 1;
  tokens.push({ kind: 'eof', text: '', line, column: lastCol, start: src.length, end: src.length });
  return tokens;
}

function describeChar(c: string | undefined): string {
  return c === undefined ? 'end of input' : `'${c}'`;
}

function describe(tok: Token): string {
  return tok.kind === 'eof' ? 'end of input' : `'${tok.text}'`;
}

/** Paths such as `std::rc::Rc` name the same type as their last segment. */
const STD_GENERIC: Record<string, number> = { Box: 1, Vec: 1, Option: 1, Result: 2, Rc: 1, Arc: 1 };

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly toks: Token[],
    private readonly multiline: boolean,
  ) {}

  peek(ahead = 0): Token {
    return this.toks[Math.min(this.pos + ahead, this.toks.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  is(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
  }

  eat(text: string): boolean {
    if (this.is(text)) {
      this.pos++;
      return true;
    }
    return false;
  }

  fail(expected: string, at: Token = this.peek()): never {
    throw new TypeSyntaxError(at.line, at.column, expected, describe(at), this.multiline);
  }

  expect(text: string, expected = `'${text}'`): Token {
    if (!this.is(text)) this.fail(expected);
    return this.next();
  }

  expectEof(what: string): void {
    if (this.peek().kind !== 'eof') this.fail(`end of ${what}`);
  }

  parseType(): Ty {
    const t = this.peek();
    if (this.eat('&')) {
      if (this.peek().kind === 'lifetime') this.next();
      const mutable = this.eat('mut');
      return { kind: 'ref', mutable, to: this.parseType() };
    }
    if (this.eat('*')) {
      let mutable: boolean;
      if (this.eat('const')) mutable = false;
      else if (this.eat('mut')) mutable = true;
      else this.fail("'const' or 'mut' after '*'");
      return { kind: 'rawptr', mutable, to: this.parseType() };
    }
    if (this.eat('!')) return { kind: 'never' };
    if (this.eat('(')) return this.parseTupleRest(t);
    if (this.eat('[')) {
      const elem = this.parseType();
      if (this.eat(']')) return { kind: 'slice', elem };
      if (!this.is(';')) this.fail(`';' or ']' to close '[' at column ${t.column}`);
      this.next();
      const lenTok = this.peek();
      if (lenTok.kind !== 'int') this.fail('an array length (integer literal)');
      this.next();
      const len = parseIntLiteral(lenTok.text);
      if (len > BigInt(Number.MAX_SAFE_INTEGER)) this.fail('an array length below 2^53', lenTok);
      this.expect(']', `']' to close '[' at column ${t.column}`);
      return { kind: 'array', elem, len: Number(len) };
    }
    if (this.eat('dyn')) return { kind: 'dyn', trait: this.parseBounds() };
    if (this.is('fn') && this.is('(', 1)) return this.parseFnPointer();
    if (t.kind === 'ident') return this.parsePathType();
    return this.fail('a type');
  }

  /** After '(': `()`, `(T)`, `(T,)`, `(T, U, …)`. */
  private parseTupleRest(open: Token): Ty {
    const items: Ty[] = [];
    let trailingComma = false;
    while (!this.is(')')) {
      items.push(this.parseType());
      trailingComma = this.eat(',');
      if (!trailingComma && !this.is(')')) this.fail(`',' or ')' to close '(' at column ${open.column}`);
    }
    this.next();
    if (items.length === 0) return { kind: 'unit' };
    if (items.length === 1 && !trailingComma) return items[0]!; // parenthesised type
    return { kind: 'tuple', items };
  }

  /** `dyn A + B<…> + Fn(x) -> y + 'a`, kept as source text: only its pointer shape matters. */
  private parseBounds(): string {
    const first = this.peek();
    let last = first;
    do {
      if (this.peek().kind === 'lifetime') {
        last = this.next();
        continue;
      }
      this.eat('?');
      if (this.peek().kind !== 'ident') this.fail('a trait name');
      this.parsePath();
      if (this.is('<')) this.parseGenericArgs(this.toks[this.pos - 1]!.text);
      if (this.is('(')) {
        const open = this.next();
        while (!this.is(')')) {
          this.parseType();
          if (!this.eat(',') && !this.is(')')) this.fail(`',' or ')' to close '(' at column ${open.column}`);
        }
        this.next();
        if (this.eat('->')) this.parseType();
      }
      last = this.toks[this.pos - 1]!;
    } while (this.eat('+'));
    return this.src.slice(first.start, last.end);
  }

  /** `fn(A, B) -> C`: one thin pointer whatever the signature; kept as text. */
  private parseFnPointer(): Ty {
    const first = this.next();
    const open = this.next();
    while (!this.is(')')) {
      this.parseType();
      if (!this.eat(',') && !this.is(')')) this.fail(`',' or ')' to close '(' at column ${open.column}`);
    }
    this.next();
    if (this.eat('->')) this.parseType();
    return { kind: 'fnptr', sig: this.src.slice(first.start, this.toks[this.pos - 1]!.end) };
  }

  /** `a::b::C`: returns the segments. */
  private parsePath(): string[] {
    const segments = [this.next().text];
    while (this.is('::')) {
      this.next();
      if (this.peek().kind !== 'ident') this.fail("a path segment after '::'");
      segments.push(this.next().text);
    }
    return segments;
  }

  /** `<T, U, 'a>` after a name; lifetimes are dropped. */
  private parseGenericArgs(owner: string): Ty[] {
    const open = this.expect('<');
    const args: Ty[] = [];
    for (;;) {
      if (this.peek().kind === 'lifetime') this.next();
      else {
        // `Iterator<Item = u8>` in a dyn bound: the binding's name is not a type.
        if (this.peek().kind === 'ident' && this.is('=', 1)) this.pos += 2;
        args.push(this.parseType());
      }
      if (this.eat(',')) {
        if (this.is('>')) break;
        continue;
      }
      break;
    }
    if (!this.is('>')) this.fail(`'>' to close '${owner}<' at column ${open.column}`);
    this.next();
    return args;
  }

  private parsePathType(): Ty {
    const start = this.peek();
    const segments = this.parsePath();
    const name = segments[segments.length - 1]!;
    const args = this.is('<') ? this.parseGenericArgs(name) : undefined;
    const arity = STD_GENERIC[name];
    if (arity !== undefined) {
      if (!args || args.length !== arity) {
        this.fail(`${arity} type argument${arity > 1 ? 's' : ''} for '${name}'`, args ? start : this.peek());
      }
      const [a, b] = args as [Ty, Ty];
      switch (name) {
        case 'Box': return { kind: 'box', to: a };
        case 'Vec': return { kind: 'vec', elem: a };
        case 'Option': return { kind: 'option', some: a };
        case 'Result': return { kind: 'result', ok: a, err: b };
        case 'Rc': return { kind: 'rc', to: a };
        default: return { kind: 'arc', to: a };
      }
    }
    const nonZero = /^NonZero(U8|U16|U32|U64|U128|Usize|I8|I16|I32|I64|I128|Isize)$/.exec(name);
    if (nonZero && !args) return { kind: 'std', name: 'NonZero', args: [{ kind: 'int', name: nonZero[1]!.toLowerCase() as IntName }] };
    if (Object.hasOwn(STD_ARITY, name)) {
      const want = STD_ARITY[name as StdName];
      if ((args?.length ?? 0) !== want) {
        this.fail(want ? `${want} type argument${want > 1 ? 's' : ''} for '${name}'` : `no type arguments for '${name}'`, args ? start : this.peek());
      }
      return { kind: 'std', name: name as StdName, args: args ?? [] };
    }
    if (args) {
      if (!/^[A-Z]/.test(name)) this.fail('a type (a primitive, a std type or a capitalised type name)', start);
      return { kind: 'adt', name, args };
    }
    if (segments.length === 1) {
      if (INT_NAMES.includes(name)) return { kind: 'int', name: name as IntName };
      if (name === 'f32' || name === 'f64') return { kind: 'float', name };
      if (name === 'bool') return { kind: 'bool' };
      if (name === 'char') return { kind: 'char' };
      if (name === 'str') return { kind: 'str' };
    }
    if (name === 'String') return { kind: 'string' };
    if (!/^[A-Z]/.test(name)) {
      this.fail('a type (a primitive, a std type or a capitalised type name)', start);
    }
    return { kind: 'adt', name };
  }

  // ---- declarations ----

  parseDecls(): AdtDef[] {
    const defs: AdtDef[] = [];
    while (this.peek().kind !== 'eof') defs.push(this.parseDecl());
    return defs;
  }

  private parseDecl(): AdtDef {
    let repr: Repr = 'rust';
    let reprTok: Token | undefined;
    while (this.is('#')) {
      const hash = this.next();
      const open = this.expect('[', "'[' after '#'");
      if (this.eat('repr')) {
        reprTok = hash;
        repr = this.parseReprArgs();
      } else {
        this.skipBalanced(open);
      }
      this.expect(']', `']' to close '#[' at column ${hash.column}`);
    }
    this.skipVisibility();
    if (this.eat('struct')) {
      if (repr !== 'rust' && repr !== 'c') this.fail('repr(C) or no repr on a struct (repr(int) is for enums)', reprTok);
      return this.parseStructRest(repr);
    }
    if (this.eat('enum')) return this.parseEnumRest(repr);
    return this.fail("'struct' or 'enum'");
  }

  /** Inside `#[repr(…)]` after `repr`. */
  private parseReprArgs(): Repr {
    this.expect('(', "'(' after 'repr'");
    let repr: Repr | undefined;
    do {
      const t = this.peek();
      if (t.kind !== 'ident') this.fail('a repr such as C, u8 or transparent');
      this.next();
      let r: Repr;
      if (t.text === 'C') r = 'c';
      // A transparent struct has exactly its one non-zero-sized field's layout, which is
      // also what repr(Rust) gives a single-field struct.
      else if (t.text === 'transparent' || t.text === 'Rust') r = 'rust';
      else if (INT_NAMES.includes(t.text)) r = t.text as IntName;
      else this.fail('a supported repr (C, Rust, transparent, or an integer type such as u8)', t);
      if (repr !== undefined && repr !== 'rust') this.fail('a single repr (combined reprs such as repr(C, u8) are not supported)', t);
      repr = r!;
    } while (this.eat(','));
    this.expect(')', "')' to close 'repr('");
    return repr!;
  }

  private skipBalanced(open: Token): void {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') this.fail(`']' to close '[' at line ${open.line}, column ${open.column}`);
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      if (t.text === ')' || t.text === ']' || t.text === '}') {
        if (depth === 0) return;
        depth--;
      }
      this.next();
    }
  }

  private skipVisibility(): void {
    if (this.eat('pub') && this.is('(')) {
      const open = this.next();
      this.skipBalanced(open);
      this.expect(')');
    }
  }

  private parseName(what: string): string {
    const t = this.peek();
    if (t.kind !== 'ident') this.fail(`a ${what} name`);
    this.next();
    return t.text;
  }

  /** `<'a, T: Bound, U>` after a declaration's name: the type parameters' names (bounds and lifetimes skipped). */
  private parseParams(): string[] | undefined {
    if (!this.is('<')) return undefined;
    const open = this.next();
    const params: string[] = [];
    while (!this.is('>')) {
      const p = this.next();
      if (p.kind === 'ident') params.push(p.text);
      else if (p.kind !== 'lifetime') this.fail('a type parameter or lifetime', p);
      if (this.eat(':')) {
        // Bounds: skip to the next ',' or the closing '>' at this depth.
        let depth = 0;
        while (depth > 0 || !(this.is(',') || this.is('>'))) {
          if (this.peek().kind === 'eof') this.fail(`'>' to close '<' at column ${open.column}`);
          if (this.is('<')) depth++;
          if (this.is('>')) depth--;
          this.next();
        }
      }
      if (!this.eat(',') && !this.is('>')) this.fail(`',' or '>' to close '<' at column ${open.column}`);
    }
    this.next();
    return params.length ? params : undefined;
  }

  /** `where T: Bound, …` before a body: skipped (bounds do not change layouts). */
  private skipWhere(): void {
    if (!this.eat('where')) return;
    while (!this.is('{') && !this.is(';') && this.peek().kind !== 'eof') this.next();
  }

  private parseStructRest(repr: 'rust' | 'c'): StructDef {
    const name = this.parseName('struct');
    const params = this.parseParams();
    this.skipWhere();
    let fields: FieldDef[] = [];
    if (this.eat(';')) fields = [];
    else if (this.is('(')) {
      fields = this.parseTupleFields();
      this.skipWhere();
      this.expect(';', `';' after the tuple struct '${name}'`);
    } else if (this.is('{')) fields = this.parseNamedFields();
    else this.fail(`'{', '(' or ';' after 'struct ${name}'`);
    const def: StructDef = { kind: 'struct', name, repr, fields };
    if (params) def.params = params;
    return def;
  }

  private parseEnumRest(repr: Repr): EnumDef {
    const name = this.parseName('enum');
    const params = this.parseParams();
    this.skipWhere();
    const open = this.expect('{', `'{' after 'enum ${name}'`);
    const variants: VariantDef[] = [];
    while (!this.is('}')) {
      this.skipAttributes();
      const vt = this.peek();
      if (vt.kind !== 'ident') this.fail(`a variant name or '}' to close 'enum ${name} {' at line ${open.line}, column ${open.column}`);
      this.next();
      const variant: VariantDef = { name: vt.text, fields: [] };
      if (this.is('(')) variant.fields = this.parseTupleFields();
      else if (this.is('{')) variant.fields = this.parseNamedFields();
      if (this.eat('=')) {
        const neg = this.eat('-');
        const lit = this.peek();
        if (lit.kind !== 'int') this.fail('an integer discriminant');
        this.next();
        const value = parseIntLiteral(lit.text) * (neg ? -1n : 1n);
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
          this.fail('a discriminant within ±2^53', lit);
        }
        variant.discriminant = Number(value);
      }
      variants.push(variant);
      if (!this.eat(',') && !this.is('}')) this.fail(`',' or '}' to close 'enum ${name} {' at line ${open.line}, column ${open.column}`);
    }
    this.next();
    const def: EnumDef = { kind: 'enum', name, repr, variants };
    if (params) def.params = params;
    return def;
  }

  /** Attributes on a variant or field (`#[allow(..)]`, `#[default]`) do not change the layout. */
  private skipAttributes(): void {
    while (this.is('#')) {
      const hash = this.next();
      const o = this.expect('[');
      this.skipBalanced(o);
      this.expect(']', `']' to close '#[' at column ${hash.column}`);
    }
  }

  private parseTupleFields(): FieldDef[] {
    const open = this.expect('(');
    const fields: FieldDef[] = [];
    while (!this.is(')')) {
      this.skipVisibility();
      fields.push({ name: String(fields.length), ty: this.parseType() });
      if (!this.eat(',') && !this.is(')')) this.fail(`',' or ')' to close '(' at line ${open.line}, column ${open.column}`);
    }
    this.next();
    return fields;
  }

  private parseNamedFields(): FieldDef[] {
    const open = this.expect('{');
    const fields: FieldDef[] = [];
    while (!this.is('}')) {
      this.skipAttributes();
      this.skipVisibility();
      const t = this.peek();
      if (t.kind !== 'ident') this.fail(`a field name or '}' to close '{' at line ${open.line}, column ${open.column}`);
      this.next();
      this.expect(':', `':' after the field name '${t.text}'`);
      fields.push({ name: t.text, ty: this.parseType() });
      if (!this.eat(',') && !this.is('}')) this.fail(`',' or '}' to close '{' at line ${open.line}, column ${open.column}`);
    }
    this.next();
    return fields;
  }
}

function parseIntLiteral(text: string): bigint {
  const digits = text.replace(/[iu](8|16|32|64|128|size)$/, '').replace(/_/g, '');
  return BigInt(digits);
}

/** Parses one Rust type, e.g. `Option<&'a [u8]>` or `Box<dyn Fn(i32) -> i32>`. */
export function parseType(text: string): Ty {
  const parser = new Parser(text, lex(text, false), false);
  const ty = parser.parseType();
  parser.expectEof('the type');
  return ty;
}

/**
 * Parses `struct` and `enum` declarations (generic ones too: `struct Pair<T> { a: T, b: T }`,
 * laid out once instantiated as `Pair<u8>`): named, tuple and unit structs,
 * `#[repr(C)]`, `#[repr(u8)]` and friends, enum variants of every shape with explicit
 * discriminants. Other attributes, `pub` and comments are skipped.
 */
export function parseTypeDecls(text: string): AdtDef[] {
  const parser = new Parser(text, lex(text, true), true);
  return parser.parseDecls();
}

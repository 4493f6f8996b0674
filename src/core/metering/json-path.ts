import { ValidationError } from '../../errors';

/** One step of a compiled path: an object member name or an array index (negative counts from the end). */
export type JsonPathSegment = string | number;

/** A parsed JSONPath that reads one value out of an event's `data`. */
export interface JsonPath {
  /** The path as written, e.g. `$.usage['input-tokens']`. */
  readonly source: string;
  /** The members and indexes it walks, in order. */
  readonly segments: readonly JsonPathSegment[];
  /** The value at the path in `data`, or `undefined` when any step is missing. */
  read(data: unknown): unknown;
}

/** Longest path accepted. */
export const MAX_JSON_PATH_LENGTH = 512;

/** Member names that plain objects inherit: read them only as own properties. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));
const hasOwn = Object.prototype.hasOwnProperty;

const NAME_FIRST = /[A-Za-z_\u0080-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_\u0080-\uFFFF]/;
const ESCAPES: Readonly<Record<string, string>> = { "'": "'", '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A JSONPath that does not parse, with the position of the problem. */
class PathSyntaxError extends Error {}

/** Reads the path text into segments (RFC 9535 subset: names, quoted names, indexes). */
function parseSegments(text: string): JsonPathSegment[] {
  if (text[0] !== '$') throw new PathSyntaxError("must start with '$'");
  const segments: JsonPathSegment[] = [];
  let i = 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      const start = ++i;
      if (text[i] === '.') throw new PathSyntaxError("recursive descent '..' is not supported");
      if (text[i] === '*') throw new PathSyntaxError("wildcards '*' are not supported");
      if (i >= text.length || !NAME_FIRST.test(text[i]!)) throw new PathSyntaxError(`expected a member name at position ${i}`);
      while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
      segments.push(text.slice(start, i));
    } else if (ch === '[') {
      i = parseBracket(text, i + 1, segments);
    } else {
      throw new PathSyntaxError(`unexpected '${ch ?? ''}' at position ${i}`);
    }
  }
  if (segments.length === 0) throw new PathSyntaxError("expected at least one member after '$', e.g. $.tokens");
  return segments;
}

/** Parses `'name']`, `"name"]` or `12]` starting at `i` (after `[`); returns the index after `]`. */
function parseBracket(text: string, start: number, out: JsonPathSegment[]): number {
  const quote = text[start];
  if (quote === "'" || quote === '"') {
    let i = start + 1;
    let name = '';
    for (;;) {
      if (i >= text.length) throw new PathSyntaxError('unterminated quoted name');
      const ch = text[i]!;
      if (ch === quote) break;
      if (ch === '\\') {
        const [value, next] = readEscape(text, i + 1);
        name += value;
        i = next;
        continue;
      }
      name += ch;
      i++;
    }
    if (text[i + 1] !== ']') throw new PathSyntaxError(`expected ']' at position ${i + 1}`);
    out.push(name);
    return i + 2;
  }
  const match = /^(-?(?:0|[1-9]\d{0,8}))\]/.exec(text.slice(start));
  if (!match) {
    const rest = text.slice(start);
    if (rest.startsWith('*')) throw new PathSyntaxError("wildcards '*' are not supported");
    if (rest.startsWith('?')) throw new PathSyntaxError('filter expressions are not supported');
    throw new PathSyntaxError(`expected a quoted name or an integer index at position ${start}`);
  }
  out.push(Number(match[1]));
  return start + match[0].length;
}

function readEscape(text: string, i: number): [string, number] {
  const ch = text[i];
  if (ch === undefined) throw new PathSyntaxError('unterminated escape');
  const simple = ESCAPES[ch];
  if (simple !== undefined) return [simple, i + 1];
  if (ch === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 1, i + 5))) {
    return [String.fromCharCode(Number.parseInt(text.slice(i + 1, i + 5), 16)), i + 5];
  }
  throw new PathSyntaxError(`invalid escape '\\${ch}' at position ${i - 1}`);
}

/** Builds the reader of a segment list: a tight loop, with own-property checks only where needed. */
function makeReader(segments: readonly JsonPathSegment[]): (data: unknown) => unknown {
  const guarded = segments.map((s) => typeof s === 'string' && INHERITED.has(s));
  return (data) => {
    let value: unknown = data;
    for (let i = 0; i < segments.length; i++) {
      if (typeof value !== 'object' || value === null) return undefined;
      const segment = segments[i]!;
      if (typeof segment === 'number') {
        if (!Array.isArray(value)) return undefined;
        value = value[segment < 0 ? value.length + segment : segment];
      } else {
        if (Array.isArray(value)) return undefined;
        if (guarded[i] && !hasOwn.call(value, segment)) return undefined;
        value = (value as Record<string, unknown>)[segment];
      }
      if (value === undefined) return undefined;
    }
    return value;
  };
}

/**
 * Compiles a JSONPath for reading event data. Supported (RFC 9535 subset): `$` followed by member
 * names (`$.usage.tokens`), quoted names in brackets (`$['input-tokens']`, `$["a b"]`, with JSON
 * escapes) and array indexes (`$.items[0]`, `$.items[-1]` for the last), in any mix. Wildcards,
 * filters, slices and recursive descent are not supported.
 *
 * @param path - the JSONPath text.
 * @param field - where the path sits in the caller's input, reported in the error.
 * @throws {@link ValidationError} with code `invalid_json_path` at `field`.
 * @example
 * const p = compileJsonPath("$.usage['input-tokens']", 'valueProperty');
 * p.read({ usage: { 'input-tokens': 12 } }); // 12
 * compileJsonPath('$.items[0].id').read({ items: [{ id: 'a' }] }); // 'a'
 * compileJsonPath('tokens', 'valueProperty'); // throws ValidationError (must start with '$')
 */
export function compileJsonPath(path: unknown, field = 'path'): JsonPath {
  if (typeof path !== 'string') {
    throw ValidationError.single(field, 'invalid_json_path', `expected a JSONPath string such as $.tokens, got ${path === null ? 'null' : typeof path}`);
  }
  if (path.length > MAX_JSON_PATH_LENGTH) {
    throw ValidationError.single(field, 'invalid_json_path', `must be at most ${MAX_JSON_PATH_LENGTH} characters`);
  }
  let segments: JsonPathSegment[];
  try {
    segments = parseSegments(path);
  } catch (error) {
    if (!(error instanceof PathSyntaxError)) throw error;
    throw ValidationError.single(field, 'invalid_json_path', `${JSON.stringify(path)} is not a supported JSONPath: ${error.message}`);
  }
  return Object.freeze({ source: path, segments: Object.freeze(segments), read: makeReader(segments) });
}

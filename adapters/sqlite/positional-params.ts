/** A statement rewritten from `$n` placeholders to SQLite's anonymous `?`, with the binding order. */
export interface PositionalStatement {
  text: string;
  /** For each `?` in order, the zero-based index of the original parameter. */
  order: number[];
}

/**
 * Rewrites `$1, $2...` placeholders to `?` (a parameter may appear several times or out of order).
 * Placeholders inside quoted strings are left alone.
 */
export function toPositional(text: string): PositionalStatement {
  const order: number[] = [];
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
      continue;
    }
    if (ch === '$') {
      const match = /^\d+/.exec(text.slice(i + 1));
      if (match) {
        order.push(Number(match[0]) - 1);
        out += '?';
        i += match[0].length;
        continue;
      }
    }
    out += ch;
  }
  return { text: out, order };
}

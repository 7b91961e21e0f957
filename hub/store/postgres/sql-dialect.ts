/**
 * The hub's operations write SQL once, with `?` or `@name` parameters as SQLite binds them.
 * PostgreSQL numbers its parameters ($1, $2…): this rewrites a statement once, when it is
 * prepared, and orders the values to match. Quoted text and identifiers are left alone.
 */

export interface PgStatementText {
  text: string;
  /** For `@name` statements: the object key of each $n, in order. */
  names?: string[];
}

export function toPostgres(sql: string): PgStatementText {
  let out = '';
  let positional = 0;
  const names: string[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unterminated ${c} in SQL: ${sql}`);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === '?') {
      out += `$${++positional}`;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      let n = names.indexOf(name);
      if (n < 0) n = names.push(name) - 1;
      out += `$${n + 1}`;
      i += name.length;
    } else {
      out += c;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error(`SQL mixes ? and @name: ${sql}`);
  return names.length > 0 ? { text: out, names } : { text: out };
}

/** The values for $1…$n, from a statement's arguments. */
export function bindValues(statement: PgStatementText, args: readonly unknown[]): unknown[] {
  if (!statement.names) return args as unknown[];
  const [object] = args as [Record<string, unknown>];
  return statement.names.map((name) => {
    if (!(name in object)) throw new Error(`missing parameter @${name}`);
    return object[name];
  });
}

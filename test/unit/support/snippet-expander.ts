/**
 * Expands a VS Code snippet body with its defaults, as the editor would on Tab-Tab-Tab: `$1`, `${1:default}`
 * (nested), `${1|a,b|}` (first choice), `$0`, variables (`$CURRENT_YEAR`, `${CURRENT_YEAR}`). Mirrors take the
 * value of their tabstop. Throws on malformed syntax, so a broken snippet fails its test.
 */
export function expandSnippet(body: string, variables: Record<string, string>): string {
  const values = new Map<string, string>();
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`);
  };
  const readName = (re: RegExp): string => {
    const m = re.exec(body.slice(i));
    if (!m) fail('expected a tabstop number or variable name');
    i += m![0].length;
    return m![0];
  };
  const valueOf = (name: string, fallback: string | undefined): string => {
    if (/^\d+$/.test(name)) {
      if (fallback !== undefined && !values.has(name)) values.set(name, fallback);
      return values.get(name) ?? fallback ?? '';
    }
    if (!(name in variables)) fail(`unknown variable ${name}`);
    return variables[name];
  };
  // Parses until `stop` (a closing brace of a placeholder) or the end.
  const parse = (stop: string | null): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (stop && c === stop) {
        return out;
      } else if (c === '$' && body[i + 1] === '{') {
        i += 2;
        const name = readName(/^(\d+|[A-Z_][A-Z_0-9]*)/);
        if (body[i] === '}') {
          i++;
          out += valueOf(name, undefined);
        } else if (body[i] === ':') {
          i++;
          const inner = parse('}');
          if (body[i] !== '}') fail('unclosed placeholder');
          i++;
          out += valueOf(name, inner);
        } else if (body[i] === '|') {
          const end = body.indexOf('|}', i + 1);
          if (end < 0) fail('unclosed choice');
          const first = body.slice(i + 1, end).split(',')[0];
          i = end + 2;
          out += valueOf(name, first);
        } else fail('unexpected character in placeholder');
      } else if (c === '$' && /[0-9A-Z_]/.test(body[i + 1] ?? '')) {
        i++;
        out += valueOf(readName(/^(\d+|[A-Z_][A-Z_0-9]*)/), undefined);
      } else {
        if (c === '$') fail('bare $ (escape it as \\$)');
        out += c;
        i++;
      }
    }
    if (stop) fail('unclosed placeholder');
    return out;
  };
  return parse(null);
}

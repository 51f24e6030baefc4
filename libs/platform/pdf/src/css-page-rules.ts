/**
 * Finds the `@page { … }` rules of a stylesheet, skipping strings and comments, so the bulk path can give each
 * document's page rules (running footer, page numbers) a page name of its own. Returns null when the sheet uses a
 * form the bulk path cannot reproduce exactly: page selectors (`@page :first`, named pages) or `@page` nested in
 * another at-rule. Such documents are rendered one by one instead.
 */
export function extractPageRules(css: string): { rest: string; pageBlocks: string[] } | null {
  const pageBlocks: string[] = [];
  let rest = '';
  let depth = 0;
  let copiedUpTo = 0;
  let i = 0;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '"' || c === "'") i = skipString(css, i);
    else if (c === '/' && css[i + 1] === '*') i = skipComment(css, i);
    else if (c === '{' || c === '}') {
      depth += c === '{' ? 1 : -1;
      i++;
    } else if (c === '@' && /^@page(?![\w-])/i.test(css.slice(i, i + 6))) {
      const open = css.indexOf('{', i);
      if (depth !== 0 || open < 0 || css.slice(i + 5, open).trim() !== '') return null;
      const close = matchingBrace(css, open);
      if (close < 0) return null;
      pageBlocks.push(css.slice(open + 1, close));
      rest += css.slice(copiedUpTo, i);
      i = copiedUpTo = close + 1;
    } else i++;
  }
  return { rest: rest + css.slice(copiedUpTo), pageBlocks };
}

function skipString(css: string, start: number): number {
  const quote = css[start];
  let i = start + 1;
  while (i < css.length && css[i] !== quote) i += css[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipComment(css: string, start: number): number {
  const end = css.indexOf('*/', start + 2);
  return end < 0 ? css.length : end + 2;
}

/** Index of the `}` closing the block opened at `open`, or -1. */
function matchingBrace(css: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '"' || c === "'") i = skipString(css, i);
    else if (c === '/' && css[i + 1] === '*') i = skipComment(css, i);
    else {
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return i;
      i++;
    }
  }
  return -1;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) safe to place in HTML: user data can never become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A quoted CSS string (for `content:` in @page margin boxes) where every character but letters, digits and spaces
 * is a hex escape: user text can never close the string, the rule or the <style> element, and never looks like
 * `counter(page)` to the PDF renderer's bulk path.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) out += /[A-Za-z0-9 ]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  return `${out}"`;
}

/** Only inline images are printed (the renderer has no network): a `data:image/…` URL, else null. */
export function inlineImage(url: string | null | undefined): string | null {
  return url && /^data:image\/(png|jpe?g|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]+$/i.test(url) ? url : null;
}

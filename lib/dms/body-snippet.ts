/*
 * A short, printable description of a response body for error details and logs. Bodies can be whole
 * HTML error pages or binary junk; only a title or the first words are kept.
 */

const MAX = 120

export function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text) && /<\/?[a-z!][^>]*>/i.test(text)
}

function clean(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function cut(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text
}

function htmlTitle(html: string): string {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)
  return m?.[1] ? clean(m[1].replace(/<[^>]*>/g, ' ')) : ''
}

export function describeBody(text: string): string {
  if (text.trim() === '') return 'empty body'
  if (looksLikeHtml(text)) {
    const title = htmlTitle(text)
    return title ? `HTML page "${cut(title)}"` : 'HTML page'
  }
  return `"${cut(clean(text))}"`
}

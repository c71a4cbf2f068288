/**
 * A webhook URL is its own password (anyone holding it can post), so it is never printed or stored
 * in full: messages show its scheme and host and hide the path (`https://hooks.slack.com/…`).
 */
export function redactWebhookUrl(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}/…`;
  } catch {
    return '(not a URL)';
  }
}

/**
 * The text with every secret replaced by `replacement`: a URL's path and query, which carry its token,
 * and each of their parts long enough to be one (8 characters or more: "T0LAB/B0/s3cr3tT0ken" or a
 * `?sig=` value), since a service's error may quote the token alone ("Invalid webhook: hooks/<token>");
 * not a part that is a lower-case word or a date ("workflows", "2016-06-01"), the service's route.
 */
export function scrub(text: string, secrets: readonly (string | undefined)[], replacement = '…'): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const parts = [secret];
    try {
      const url = new URL(secret);
      if (url.pathname.length > 1) parts.push(url.pathname + url.search, url.pathname);
      const pieces = [...url.pathname.split('/'), ...[...url.searchParams.values()]].map(safeDecode);
      // A word of the service's own ("workflows", "triggers", "redirect", "api-version" values such as
      // "2016-06-01") is no secret: scrubbing it cut ordinary words out of its errors (found by an audit).
      parts.push(...pieces.filter((piece) => piece.length >= 8 && !PLAIN_PIECE.test(piece)).sort((a, b) => b.length - a.length));
    } catch { /* not a URL: the secret alone */ }
    for (const part of parts) out = out.split(part).join(replacement);
  }
  return out;
}

/**
 * A URL piece that is a plain word (lower-case letters, up to 14, maybe hyphenated) or a date: a
 * service's route, not its token; a token of lower-case letters alone is longer (Mattermost's are 26).
 */
const PLAIN_PIECE = /^(?:[a-z]{1,14}(?:-[a-z]{1,14})*|\d{4}-\d{2}-\d{2}(?:-preview)?)$/;

function safeDecode(piece: string): string {
  try {
    return decodeURIComponent(piece);
  } catch {
    return piece;
  }
}

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
 * `?sig=` value), since a service's error may quote the token alone ("Invalid webhook: hooks/<token>").
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
      parts.push(...pieces.filter((piece) => piece.length >= 8).sort((a, b) => b.length - a.length));
    } catch { /* not a URL: the secret alone */ }
    for (const part of parts) out = out.split(part).join(replacement);
  }
  return out;
}

function safeDecode(piece: string): string {
  try {
    return decodeURIComponent(piece);
  } catch {
    return piece;
  }
}

import { escapeHtml } from '../../export/html-email.ts';
import { moreText, pack, truncate, type ChatView } from './chat-view.ts';

/**
 * Matrix through matrix-hookshot's generic (inbound) webhooks
 * (https://matrix-org.github.io/matrix-hookshot/latest/setup/webhooks.html): `{ text, html }`, the
 * plain body and its HTML, posted into the room the webhook belongs to. A Matrix event may weigh at
 * most 65,536 bytes (client-server API, "Size limits"); a digest whose message would pass 60,000
 * bytes of JSON goes out as several messages.
 */
export const MATRIX_LIMITS = { bytes: 60_000 } as const;

export interface MatrixMessage { readonly text: string; readonly html: string }

interface Piece { readonly text: string; readonly html: string }

const size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

function link(url: string | null | undefined, text: string): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

export function matrixMessages(view: ChatView): MatrixMessage[] {
  const pieces: Piece[] = [{
    text: `${view.title}\n${view.summary}${view.readerLink ? `\n${view.readerLink}` : ''}`,
    html: `<h3>${escapeHtml(view.title)}</h3><p>${escapeHtml(view.summary)}${view.readerLink ? ` · ${link(view.readerLink, 'Open in the reader')}` : ''}</p>`,
  }];
  for (const section of view.sections) {
    const items = section.picks.map((p) => ({
      text: `- ${truncate(p.title, 400)}${p.url ? ` ${p.url}` : ''}${p.detail ? `\n  ${truncate(p.detail, 400)}` : ''}`,
      html: `<li>${link(p.url, truncate(p.title, 400))}${p.detail ? `<br>${escapeHtml(truncate(p.detail, 400))}` : ''}</li>`,
    }));
    const more = moreText(section);
    if (more) items.push({ text: `- ${more}${section.moreLink ? ` ${section.moreLink}` : ''}`, html: `<li><em>${link(section.moreLink, more)}</em></li>` });
    pieces.push({
      text: `\n${section.name}\n${items.map((i) => i.text).join('\n')}`,
      html: `<p><strong>${escapeHtml(section.name)}</strong></p><ul>${items.map((i) => i.html).join('')}</ul>`,
    });
  }
  const join = (g: readonly Piece[]): MatrixMessage => ({ text: g.map((p) => p.text).join('\n').trim(), html: g.map((p) => p.html).join('') });
  return pack(pieces, (g) => size(join(g)) <= MATRIX_LIMITS.bytes).map(join);
}

// Text from feeds and files may carry terminal control: ESC sequences that clear the screen, hide a
// link (OSC 8) or write the clipboard (OSC 52), C0/C1 control characters, NUL, and bidi overrides
// that display text in another order than it is stored (U+202E: "gnp.exe" shows as "exe.png").
// None of it belongs in a title, in the store, in an export or on a terminal.

/**
 * ESC sequences, whole: CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC \`), the string
 * commands DCS, SOS, PM and APC (`ESC P … ESC \`), and the short ones (`ESC c`, `ESC ( B`). A
 * sequence cut short runs to the end of the text, as a terminal would read it.
 */
const escapeSequence = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][\s\S]*?(?:\x07|\x1b\\|$)|[PX^_][\s\S]*?(?:\x1b\\|$)|[ -/]*[0-~]?)/g;
/** C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates. */
const controlChar = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const anyControl = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/**
 * Text without escape sequences, control characters (tab and newline are kept) or bidi overrides:
 * what the store keeps and what the command line prints. The one sanitizer of both.
 */
export function withoutControls(text: string): string {
  if (!anyControl.test(text)) return text;
  return text.replace(escapeSequence, '').replace(controlChar, '');
}

/**
 * Text with its control characters and bidi overrides written out (`\x1b`, `\u202e`), for error
 * messages that quote what a source sent: the reader sees what was there, the terminal does not
 * act on it.
 */
export function escapeControls(text: string): string {
  if (!anyControl.test(text)) return text;
  return text.replace(controlChar, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Every string inside `value` (objects and arrays, to any depth) without controls; the same object
 * back when nothing changed, so clean records cost no copy. For records from outside (a JSON-lines
 * import, a digest file) before they are stored or exported.
 */
export function deepWithoutControls<T>(value: T): T {
  if (typeof value === 'string') return withoutControls(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const clean = deepWithoutControls(item);
      if (clean !== item) (out ??= [...value])[i] = clean;
    });
    return (out as T | undefined) ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const clean = deepWithoutControls(item);
    if (clean !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = clean;
  }
  return (out as T | undefined) ?? value;
}

/** A field's value quoted for a message: controls written out, cut at 80 characters. */
export function quoteValue(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return `"${escapeControls(short)}"`;
}

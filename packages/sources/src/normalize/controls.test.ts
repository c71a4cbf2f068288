import { describe, expect, test } from 'vitest';
import { deepWithoutControls, escapeControls, withoutControls } from './controls.ts';
import { cleanText } from './text.ts';

describe('withoutControls', () => {
  test.each([
    ['clear screen and home', 'a\x1b[2J\x1b[Hb', 'ab'],
    ['colours', '\x1b[31mred\x1b[0m', 'red'],
    ['an OSC 8 hyperlink, BEL-terminated', '\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07', 'click'],
    ['an OSC 52 clipboard write, ST-terminated', 'a\x1b]52;c;Y3VybCBldmls\x1b\\b', 'ab'],
    ['a DCS string', 'a\x1bP1$r0m\x1b\\b', 'ab'],
    ['a short sequence (reset, charset)', 'a\x1bcb\x1b(Bc', 'abc'],
    ['an OSC cut short runs to the end', 'kept\x1b]0;title without end', 'kept'],
    ['C0, DEL and C1 controls, NUL', 'a\x00b\x07c\x08d\x7fe\x85f\x9bg', 'abcdefg'],
    ['bidi overrides and isolates', '\u202egnp.exe\u202c and \u2067x\u2069', 'gnp.exe and x'],
    ['newline and tab stay', 'a\tb\nc', 'a\tb\nc'],
    ['carriage return goes', 'a\r\nb\rc', 'a\nbc'],
    ['right-to-left text and its marks stay', 'שלום \u200f(1)', 'שלום \u200f(1)'],
  ])('%s', (_name, text, clean) => {
    expect(withoutControls(text)).toBe(clean);
  });

  test('clean text comes back as the same string', () => {
    const text = 'Li₆PS₅Cl — a garnet électrolyte';
    expect(withoutControls(text)).toBe(text);
  });
});

test('escapeControls writes controls out, so a message shows them without acting on them', () => {
  expect(escapeControls('a\x1b[2Jb\x00\u202ec\td')).toBe('a\\x1b[2Jb\\x00\\u202ec\td');
});

test('deepWithoutControls cleans every string of a record, and returns a clean record itself', () => {
  const record = { title: 'A\x1b[2J title', authors: ['Ann\x07', 'Bo'], n: 3, nested: { venue: 'J\u202eournal' }, none: null };
  expect(deepWithoutControls(record)).toEqual({ title: 'A title', authors: ['Ann', 'Bo'], n: 3, nested: { venue: 'Journal' }, none: null });
  const clean = { title: 'A title', authors: ['Ann'] };
  expect(deepWithoutControls(clean)).toBe(clean);
});

test('cleanText drops escape sequences, also when an entity wrote their ESC', () => {
  expect(cleanText('Solid &#27;[2Jelectrolytes <b>\x1b]8;;https://x/\x07now\x1b]8;;\x07</b>\u202e')).toBe('Solid electrolytes now');
});

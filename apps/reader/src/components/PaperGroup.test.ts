import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import PaperGroup from './PaperGroup.svelte';
import type { PaperGroupState } from '../room/group.ts';

afterEach(() => cleanup());

const group: PaperGroupState = {
  starredBy: [{ member: 'Yanhao Deng', at: '2026-08-25T10:00:00.000Z' }],
  notes: [
    { member: 'Yanhao Deng', at: '2026-08-25T10:01:00.000Z', note: '<img src=x onerror=alert(1)> Fig. 3 matches our LLZO runs' },
    { member: 'Naibing Wu', at: '2026-08-25T10:02:00.000Z', note: 'my own, shown as editable instead' },
  ],
  nominations: [{ member: 'Yanhao Deng', at: '2026-08-25T10:03:00.000Z', reason: 'for <b>Thursday</b>' }],
};

function renderGroup(extra: Record<string, unknown> = {}) {
  const props = {
    titleId: 'paper-1-title', dismissed: false, ondismiss: vi.fn(), group, me: 'Naibing Wu', note: '', nomination: null,
    onnote: vi.fn(), onnominate: vi.fn(), ...extra,
  };
  return { ...render(PaperGroup, { props }), props };
}

test('the members\' notes and nominations are text, never HTML; the device member\'s own come from its records', () => {
  const { container } = renderGroup({ note: 'see the SI', nomination: { reason: 'PEO baseline' } });
  const items = [...container.querySelectorAll('.group-notes li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
  expect(items).toEqual([
    'Yanhao Deng nominated it for the meeting: for <b>Thursday</b>',
    'You nominated it for the meeting: PEO baseline Withdraw',
    'Yanhao Deng <img src=x onerror=alert(1)> Fig. 3 matches our LLZO runs',
    'Your note see the SI Edit',
  ]);
  expect(container.querySelectorAll('img, b').length).toBe(0);
});

test('a note is written, saved trimmed, and a nomination takes a one-line reason', async () => {
  const { props } = renderGroup();
  await fireEvent.click(screen.getByRole('button', { name: 'Add a note' }));
  await tick();
  const note = screen.getByLabelText('Your note, for the group') as HTMLTextAreaElement;
  expect(document.activeElement).toBe(note);
  expect(note.maxLength).toBe(500);
  await fireEvent.input(note, { target: { value: '  compare with our PEO runs \n' } });
  await fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  expect(props.onnote).toHaveBeenCalledWith('compare with our PEO runs');

  await fireEvent.click(screen.getByRole('button', { name: 'Nominate for the meeting' }));
  await tick();
  const reason = screen.getByLabelText('Why the group should discuss it (one line)') as HTMLInputElement;
  expect([reason.required, reason.maxLength]).toEqual([true, 200]);
  // An input drops line breaks itself; a pasted line separator (U+2028) it keeps, and the room refuses.
  await fireEvent.input(reason, { target: { value: 'Li metal\u2028anodes,\t\tPEO ' } });
  await fireEvent.click(screen.getByRole('button', { name: 'Nominate' }));
  expect(props.onnominate).toHaveBeenCalledWith({ reason: 'Li metal anodes, PEO' });
});

test('"Not for us" on every copy; without a room, no notes and no nominations', async () => {
  const { props, container } = renderGroup({ group: null, me: null });
  expect([...container.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Not for us']);
  await fireEvent.click(screen.getByRole('button', { name: 'Not for us' }), { detail: 1 });
  await fireEvent.click(screen.getByRole('button', { name: 'Not for us' }), { detail: 0 });
  expect(props.ondismiss.mock.calls).toEqual([[true, { keyboard: false }], [true, { keyboard: true }]]);
});

test('signed out of the room, the device\'s own note and nomination stay in view, to read, not to edit', () => {
  const { container } = renderGroup({ group: null, me: null, note: 'see the SI', nomination: { reason: 'PEO baseline' } });
  const items = [...container.querySelectorAll('.group-notes li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
  expect(items).toEqual(['You nominated it for the meeting: PEO baseline', 'Your note see the SI']);
  expect([...container.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Not for us']);
});

test('marked "Not for us", the card says so and offers "Bring back", a plain button of its own', async () => {
  const { props, container } = renderGroup({ group: null, me: null, dismissed: true });
  expect(container.querySelector('.more-actions')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('You marked it “Not for us”. Bring back');
  const back = screen.getByRole('button', { name: 'Bring back' });
  expect([back.hasAttribute('aria-pressed'), back.getAttribute('aria-describedby')]).toEqual([false, 'paper-1-title']);
  await fireEvent.click(back, { detail: 0 });
  expect(props.ondismiss.mock.calls).toEqual([[false, { keyboard: true }]]);
});

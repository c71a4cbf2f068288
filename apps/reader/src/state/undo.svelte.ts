// "Not for us" hides a paper at once; for a few seconds a line at the foot of the screen offers to take
// it back (components/UndoBar.svelte). One offer at a time: a second change replaces the first, which
// stays undoable on its card under the "Not for us" filter ("Bring back"). The bar stays while the
// pointer is over it or the focus is in it (WCAG 2.2.1: a reader who needs longer gets it).

/** How a control was activated: from the keyboard (or a screen reader's activation), or by a pointer. */
export interface Activation {
  readonly keyboard: boolean;
}

/**
 * A click with no pointer count (`detail` 0) came from Enter or Space on the focused control, or from
 * a screen reader's activation: the focus is the reader's place on the page, to be kept.
 */
export const activationOf = (event: MouseEvent): Activation => ({ keyboard: event.detail === 0 });

export interface UndoOffer {
  /** What happened, without a full stop: "Hidden from the digest". */
  readonly message: string;
  /** The paper it happened to: said to screen readers after the message, not shown. */
  readonly title: string;
  /** Takes the change back, through the same state and outbox as the change itself. */
  readonly undo: () => Promise<void>;
  /** The bar takes the focus: the change was made from the keyboard, and the control that made it is gone. */
  readonly focus: boolean;
  /**
   * Puts the focus back on the page when the bar closes from the keyboard: on the paper brought back
   * (`undone`), or where the hidden paper was (Escape).
   */
  readonly refocus: (undone: boolean) => void;
}

export interface UndoState {
  readonly current: UndoOffer | null;
  /** Counts the offers made, so the bar renders (and a screen reader announces) each one afresh. */
  readonly serial: number;
  offer(offer: UndoOffer): void;
  /** Closes the bar and takes the current change back. */
  undo(): Promise<void>;
  close(): void;
  /** Keeps the bar while the pointer is over it or the focus is in it; `release` starts its time again. */
  hold(reason: HoldReason): void;
  release(reason: HoldReason): void;
}

export type HoldReason = 'pointer' | 'focus';

/** How long the bar stays when nothing holds it. */
export const UNDO_MS = 8000;

export function createUndoState(ms: number = UNDO_MS): UndoState {
  let current = $state.raw<UndoOffer | null>(null);
  let serial = $state(0);
  // Neither is read by markup: the timer and what holds the bar are plain values.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let holds: HoldReason[] = [];

  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const start = () => {
    stop();
    if (current && holds.length === 0) timer = setTimeout(close, ms);
  };
  function close() {
    stop();
    current = null;
    holds = [];
  }

  return {
    get current() { return current; },
    get serial() { return serial; },
    offer(offer) {
      current = offer;
      serial += 1;
      // The focus moves into the new bar when asked; the pointer over the old one is still over the new one.
      holds = holds.filter((h) => h === 'pointer');
      start();
    },
    async undo() {
      const offer = current;
      close();
      await offer?.undo();
    },
    close,
    hold(reason) {
      if (!holds.includes(reason)) holds = [...holds, reason];
      stop();
    },
    release(reason) {
      holds = holds.filter((h) => h !== reason);
      start();
    },
  };
}

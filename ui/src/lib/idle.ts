// The idle lock, window side: after `minutes` without a key press, click or
// scroll, `onidle` runs (the app locks). While the manager works, `onactive`
// tells the backend at most once a minute, so its own idle check agrees.

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const REPORT_EVERY_MS = 60_000;

export interface IdleClock {
  now: () => number;
  setTimeout: (f: () => void, ms: number) => unknown;
  clearTimeout: (t: unknown) => void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
};

/** Starts watching `target` for use; returns the function that stops it. */
export function watchIdle(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  minutes: number,
  onidle: () => void,
  onactive: () => void,
  clock: IdleClock = realClock,
): () => void {
  const limit = Math.max(1, minutes) * 60_000;
  let timer: unknown = null;
  let reported = clock.now();

  const arm = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(onidle, limit);
  };
  const used = () => {
    arm();
    const now = clock.now();
    if (now - reported >= REPORT_EVERY_MS) {
      reported = now;
      onactive();
    }
  };
  for (const e of EVENTS) target.addEventListener(e, used, { passive: true, capture: true });
  arm();
  return () => {
    if (timer !== null) clock.clearTimeout(timer);
    for (const e of EVENTS) target.removeEventListener(e, used, { capture: true });
  };
}

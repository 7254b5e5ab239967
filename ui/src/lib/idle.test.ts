import { describe, expect, it } from 'vitest';
import { watchIdle, type IdleClock } from './idle';

/** A clock the test moves by hand, with one pending timer at most. */
function fakeClock() {
  let now = 0;
  let pending: { at: number; f: () => void } | null = null;
  const clock: IdleClock = {
    now: () => now,
    setTimeout: (f, ms) => (pending = { at: now + ms, f }),
    clearTimeout: () => (pending = null),
  };
  const advance = (ms: number) => {
    now += ms;
    if (pending && pending.at <= now) {
      const { f } = pending;
      pending = null;
      f();
    }
  };
  return { clock, advance };
}

describe('watchIdle', () => {
  it('locks after the idle minutes without use, not before', () => {
    const target = new EventTarget();
    const { clock, advance } = fakeClock();
    let idle = 0;
    watchIdle(target, 15, () => idle++, () => {}, clock);
    advance(15 * 60_000 - 1);
    expect(idle).toBe(0);
    advance(1);
    expect(idle).toBe(1);
  });

  it('a key press starts the count again and is reported at most once a minute', () => {
    const target = new EventTarget();
    const { clock, advance } = fakeClock();
    let idle = 0;
    let reports = 0;
    watchIdle(target, 1, () => idle++, () => reports++, clock);
    advance(50_000);
    target.dispatchEvent(new Event('keydown'));
    advance(50_000);
    expect(idle).toBe(0);
    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('pointerdown'));
    expect(reports).toBe(1);
    advance(60_000);
    expect(idle).toBe(1);
  });

  it('stops watching when stopped', () => {
    const target = new EventTarget();
    const { clock, advance } = fakeClock();
    let idle = 0;
    const stop = watchIdle(target, 1, () => idle++, () => {}, clock);
    stop();
    advance(120_000);
    expect(idle).toBe(0);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }));

const { askAhead, preloadDashboard, takePreloaded } = await import('./preload');

const figures = { today: '2026-12-02' } as never;

describe('asking for the dashboard ahead', () => {
  beforeEach(() => {
    invoke.mockReset();
    takePreloaded();
  });

  it('hands over figures that arrived in time, once', async () => {
    invoke.mockResolvedValue(figures);
    await askAhead();
    expect(takePreloaded()).toEqual({ ready: figures, pending: null });
    expect(takePreloaded()).toEqual({ ready: null, pending: null });
  });

  it('hands over a slow answer still on its way instead of asking twice', async () => {
    vi.useFakeTimers();
    let answer: (d: unknown) => void = () => undefined;
    invoke.mockReturnValue(new Promise((r) => (answer = r)));
    const waited = askAhead();
    vi.advanceTimersByTime(200);
    await waited;
    const taken = takePreloaded();
    expect(taken.ready).toBeNull();
    expect(taken.pending).not.toBeNull();
    answer(figures);
    await expect(taken.pending).resolves.toBe(figures);
    expect(invoke).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('start-up figures are taken as they are', () => {
    preloadDashboard(figures);
    expect(takePreloaded().ready).toBe(figures);
  });
});

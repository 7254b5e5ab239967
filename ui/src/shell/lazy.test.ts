import { describe, expect, it } from 'vitest';
import { Lazy } from './lazy.svelte';

describe('Lazy', () => {
  it('loads once and keeps what it loaded', async () => {
    let loads = 0;
    const part = new Lazy(async () => {
      loads += 1;
      return { default: 'schedule' };
    });
    expect(part.current).toBeNull();
    await Promise.all([part.get(), part.get()]);
    expect(await part.get()).toBe('schedule');
    expect(part.current).toBe('schedule');
    expect(loads).toBe(1);
  });

  it('tries again after a failed load', async () => {
    let loads = 0;
    const part = new Lazy(async () => {
      loads += 1;
      if (loads === 1) throw new Error('not found');
      return { default: 'budget' };
    });
    await expect(part.get()).rejects.toThrow('not found');
    expect(part.current).toBeNull();
    expect(await part.get()).toBe('budget');
    expect(loads).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { StaffRow } from '../lib/bindings';
import { defaultQuery, preloadRoster, sameQuery, takePreloaded } from './roster';

const rows = [{ id: 1 } as StaffRow];

describe('the preloaded roster', () => {
  it('answers the query it was loaded for, once', () => {
    preloadRoster(defaultQuery(), rows);
    expect(takePreloaded(defaultQuery())).toBe(rows);
    expect(takePreloaded(defaultQuery())).toBeNull();
  });

  it('is not used for another query', () => {
    preloadRoster(defaultQuery(), rows);
    expect(takePreloaded({ ...defaultQuery(), status: 'all' })).toBeNull();
  });

  it('compares every field of a query', () => {
    expect(sameQuery(defaultQuery(), defaultQuery())).toBe(true);
    expect(sameQuery(defaultQuery(), { ...defaultQuery(), descending: true })).toBe(false);
    expect(sameQuery(defaultQuery(), { ...defaultQuery(), search: 'a' })).toBe(false);
  });
});

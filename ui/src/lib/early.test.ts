import { describe, expect, it } from 'vitest';
import { takeEarly } from './early';

const query = { search: '', role: null, employment_type: null, status: 'active', sort: 'name', descending: false };

function page() {
  return {
    __WARDBOOK_EARLY__: [
      { cmd: 'app_status', args: {}, answer: Promise.resolve('status') },
      { cmd: 'staff_list', args: { query }, answer: Promise.resolve('rows') },
    ],
  };
}

describe('takeEarly', () => {
  it('gives the early answer to the same question, once', async () => {
    const p = page();
    await expect(takeEarly('app_status', undefined, p)).resolves.toBe('status');
    expect(takeEarly('app_status', undefined, p)).toBeNull();
  });

  it('matches arguments whatever their key order', async () => {
    const reordered = { query: { descending: false, sort: 'name', status: 'active', employment_type: null, role: null, search: '' } };
    await expect(takeEarly('staff_list', reordered, page())).resolves.toBe('rows');
  });

  it('does not answer a different question', () => {
    const p = page();
    expect(takeEarly('staff_list', { query: { ...query, status: 'all' } }, p)).toBeNull();
    expect(takeEarly('dashboard', undefined, p)).toBeNull();
    // The unanswered ones are still there for their own question.
    expect(takeEarly('staff_list', { query }, p)).not.toBeNull();
  });

  it('has nothing when the start script did not run', () => {
    expect(takeEarly('app_status', undefined, {})).toBeNull();
  });
});

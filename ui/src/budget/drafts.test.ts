import { describe, expect, it } from 'vitest';
import { draft, forgetDraft, keepDraft } from './drafts';

describe('drafts', () => {
  it('keeps typed figures that differ from the saved ones', () => {
    keepDraft('volumes:1', [{ month: 0, days: '910' }], [{ month: 0, days: '900' }]);
    expect(draft('volumes:1')).toEqual([{ month: 0, days: '910' }]);
  });

  it('keeps nothing when the figures are what is saved', () => {
    keepDraft('volumes:2', [{ month: 0, days: '900' }], [{ month: 0, days: '900' }]);
    expect(draft('volumes:2')).toBeNull();
  });

  it('forgets a draft once it matches again or is forgotten', () => {
    keepDraft('volumes:3', ['a'], ['b']);
    keepDraft('volumes:3', ['b'], ['b']);
    expect(draft('volumes:3')).toBeNull();
    keepDraft('volumes:3', ['a'], ['b']);
    forgetDraft('volumes:3');
    expect(draft('volumes:3')).toBeNull();
  });

  it('keeps each year apart', () => {
    keepDraft('volumes:4', ['x'], ['y']);
    expect(draft('volumes:5')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { sectionNamed } from './sections';

describe('sectionNamed', () => {
  it('finds a section whatever the letter case', () => {
    expect(sectionNamed('staff')).toBe('Staff');
    expect(sectionNamed('DASHBOARD')).toBe('Dashboard');
  });

  it('refuses anything else', () => {
    expect(sectionNamed('staf')).toBeNull();
    expect(sectionNamed(undefined)).toBeNull();
    expect(sectionNamed(3)).toBeNull();
  });
});

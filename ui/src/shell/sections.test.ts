import { describe, expect, it } from 'vitest';
import { sectionLabel, sectionNamed } from './sections';

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

describe('sectionLabel', () => {
  it('names Attendance as the manager knows it, the others by their key', () => {
    expect(sectionLabel('Attendance')).toBe('Time & attendance');
    expect(sectionLabel('Budget')).toBe('Budget');
    expect(sectionNamed('attendance')).toBe('Attendance');
  });
});

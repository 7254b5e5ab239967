import { describe, expect, it } from 'vitest';
import { choiceAfterTyping, filterOptions, fold, found } from './search';

describe('fold', () => {
  it('drops accents and case, as the backend does', () => {
    expect(fold('Lucía')).toBe('lucia');
    expect(fold('MÜLLER')).toBe('muller');
    expect(fold('Nguyễn')).toBe('nguyen');
    expect(fold('Đặng')).toBe('dang');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Søren Łukasz')).toBe('soren lukasz');
    expect(fold('Rene\u0301e')).toBe(fold('Renée'));
  });
});

describe('found', () => {
  it('finds a person by any of their names, either way round', () => {
    expect(found('lucia', 'Fernández, Lucía')).toBe(true);
    expect(found('LUCÍA', 'Lucia Smith')).toBe(true);
    expect(found('nguyen', 'Lan', 'Nguyễn, Thị Lan')).toBe(true);
    expect(found('lucas', 'Fernández, Lucía')).toBe(false);
    expect(found('   ', 'anyone')).toBe(true);
  });
});

describe('filterOptions', () => {
  const zones = ['America/New_York', 'America/Chicago', 'Europe/Zürich', 'Asia/Ho_Chi_Minh'].map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
  it('keeps the options whose label or value holds the text', () => {
    expect(filterOptions(zones, 'zurich').map((o) => o.value)).toEqual(['Europe/Zürich']);
    expect(filterOptions(zones, 'new york').map((o) => o.value)).toEqual(['America/New_York']);
    expect(filterOptions(zones, 'new_york').map((o) => o.value)).toEqual(['America/New_York']);
    expect(filterOptions(zones, 'america').length).toBe(2);
    expect(filterOptions(zones, '')).toHaveLength(4);
  });
  it('keeps the current choice even when it does not match', () => {
    expect(filterOptions(zones, 'zurich', 'America/Chicago').map((o) => o.value)).toEqual(['America/Chicago', 'Europe/Zürich']);
    expect(filterOptions(zones, 'nowhere')).toEqual([]);
  });
});

describe('choiceAfterTyping', () => {
  const people = [
    { value: '1', label: 'Fernández, Lucía' },
    { value: '2', label: 'Nguyễn, Thảo' },
    { value: '3', label: 'Nguyen, Lan' },
    { value: '4', label: 'Campbell, Dana' },
  ];
  it('a following picker takes the only match', () => {
    expect(choiceAfterTyping(people, 'lucia', '', true, '')).toBe('1');
  });
  it('a following picker drops a choice the filter no longer shows', () => {
    // "lucia" picked Lucía; the search now reads "nguyen": two match, none chosen.
    expect(choiceAfterTyping(people, 'nguyen', '1', true, '')).toBe('');
    expect(choiceAfterTyping(people, 'zzz', '1', true, '')).toBe('');
  });
  it('a following picker keeps a choice the filter still shows', () => {
    expect(choiceAfterTyping(people, 'nguyen', '2', true, '')).toBe('2');
    expect(choiceAfterTyping(people, '', '4', true, '')).toBe('4');
  });
  it('a picker that does not follow never changes while typing', () => {
    const zones = ['America/Chicago', 'America/New_York', 'America/Sao_Paulo'].map((z) => ({ value: z, label: z }));
    for (const typed of ['c', 'chicago', 'new york', 'sao', 'paulo', '']) {
      expect(choiceAfterTyping(zones, typed, 'America/Chicago', false, '')).toBe('America/Chicago');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { filterOptions } from './search';
import { zoneLabel } from './timeZones';

const zones = ['America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/New_York', 'America/Sao_Paulo', 'Europe/Berlin', 'Pacific/Auckland'];
const options = zones.map((z) => ({ value: z, label: zoneLabel(z) }));
const find = (typed: string) => filterOptions(options, typed).map((o) => o.value);

describe('zoneLabel', () => {
  it('adds the everyday name to the US zones', () => {
    expect(zoneLabel('America/Los_Angeles')).toBe('America/Los Angeles — Pacific Time (US)');
    expect(zoneLabel('Europe/Berlin')).toBe('Europe/Berlin');
  });
});

describe('searching time zones by their everyday names', () => {
  it('pacific, eastern, central and mountain find the US zones', () => {
    expect(find('pacific')[0]).toBe('America/Los_Angeles');
    expect(find('eastern')).toEqual(['America/New_York']);
    expect(find('central')).toEqual(['America/Chicago']);
    expect(find('mountain')).toEqual(['America/Denver']);
    expect(find('PACIFIC TIME')).toEqual(['America/Los_Angeles']);
  });
  it('a city with a space or an underscore finds its zone', () => {
    expect(find('los angeles')).toEqual(['America/Los_Angeles']);
    expect(find('los_angeles')).toEqual(['America/Los_Angeles']);
    expect(find('sao paulo')).toEqual(['America/Sao_Paulo']);
  });
  it('a name no zone has finds nothing', () => {
    expect(find('atlantis')).toEqual([]);
  });
});

// Time zones as a manager names them: "Pacific", "Eastern", "Los Angeles"…
// The IANA name stays the value; the label adds the everyday name, so the
// zone search finds either.

const COMMON: Record<string, string> = {
  'America/New_York': 'Eastern Time (US)',
  'America/Detroit': 'Eastern Time (US, Michigan)',
  'America/Indiana/Indianapolis': 'Eastern Time (US, Indiana)',
  'America/Kentucky/Louisville': 'Eastern Time (US, Kentucky)',
  'America/Chicago': 'Central Time (US)',
  'America/Denver': 'Mountain Time (US)',
  'America/Boise': 'Mountain Time (US, Idaho)',
  'America/Phoenix': 'Mountain Time (US, Arizona, no daylight saving)',
  'America/Los_Angeles': 'Pacific Time (US)',
  'America/Anchorage': 'Alaska Time',
  'Pacific/Honolulu': 'Hawaii Time',
  'America/Puerto_Rico': 'Atlantic Time (Puerto Rico)',
  'America/Halifax': 'Atlantic Time (Canada)',
  'America/St_Johns': 'Newfoundland Time',
  'America/Toronto': 'Eastern Time (Canada)',
  'America/Winnipeg': 'Central Time (Canada)',
  'America/Edmonton': 'Mountain Time (Canada)',
  'America/Vancouver': 'Pacific Time (Canada)',
  'Europe/London': 'UK time (GMT/BST)',
  'UTC': 'Coordinated Universal Time',
};

/** "America/Los Angeles — Pacific Time (US)"; "Europe/Zürich" as it is. */
export function zoneLabel(zone: string): string {
  const name = zone.replaceAll('_', ' ');
  const common = COMMON[zone];
  return common ? `${name} — ${common}` : name;
}

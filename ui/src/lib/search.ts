// Searching as a manager types: accents and case do not matter ("lucia" finds
// Lucía, "nguyen" finds Nguyễn). The same folding as the backend's
// `search_text::fold`, for lists the window already holds.

const JOINED: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o',
  đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ł: 'l', Ł: 'l', ı: 'i', þ: 'th', Þ: 'th',
};

/** `text` without accents, in lower case, for comparing. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßẞæÆœŒøØđĐðÐłŁıþÞ]/g, (c) => JOINED[c] ?? c)
    .toLowerCase();
}

/** Whether `typed` (trimmed) is found in any of `texts`; blank finds everything. */
export function found(typed: string, ...texts: string[]): boolean {
  const needle = fold(typed.trim());
  return needle === '' || texts.some((t) => fold(t).includes(needle));
}

/** The options whose label holds `typed`, keeping `keep` (the current choice) in
 *  the list so a select never silently shows another value than it holds. */
export function filterOptions<T extends { value: string; label: string }>(options: readonly T[], typed: string, keep = ''): T[] {
  return options.filter((o) => o.value === keep || found(typed, o.label, o.value));
}

/**
 * What a picker holds after the filter text changes to `typed`. A picker that
 * follows its filter (a person for time off) takes the only match, and drops a
 * choice the filter no longer shows, so what is saved is always on screen. One
 * that does not follow (the department's time zone) keeps its value until the
 * manager picks another: typing only narrows the list.
 */
export function choiceAfterTyping<T extends string>(
  options: readonly { value: T; label: string }[],
  typed: string,
  value: T,
  follow: boolean,
  none: T,
): T {
  if (!follow) return value;
  const matches = filterOptions(options, typed);
  if (typed.trim() !== '' && matches.length === 1) return matches[0].value;
  return matches.some((m) => m.value === value) ? value : none;
}

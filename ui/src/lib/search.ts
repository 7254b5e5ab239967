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

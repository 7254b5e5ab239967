// Short notices for failures (and the odd success) that belong to no form field.

export interface Notice {
  id: number;
  text: string;
  kind: 'error' | 'info';
}

let next = 1;
export const notices = $state<Notice[]>([]);

export function dismiss(id: number): void {
  const i = notices.findIndex((n) => n.id === id);
  if (i >= 0) notices.splice(i, 1);
}

/** `seconds`: how long information stays (what the manager must read, such as a restore, stays longer). */
export function notify(text: string, kind: Notice['kind'] = 'error', seconds = 4): void {
  const id = next++;
  notices.push({ id, text, kind });
  // Errors stay until dismissed or replaced; information fades after a few seconds.
  if (kind === 'info') setTimeout(() => dismiss(id), seconds * 1000);
  if (notices.length > 3) notices.splice(0, notices.length - 3);
}

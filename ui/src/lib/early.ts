// Answers the backend's start script has already asked for (see
// src-tauri/src/early.rs): the app status and the first section's data,
// asked while the page's code was still loading. Each is taken once, and only
// for the same question: the same command with the same arguments.

type Early = { cmd: string; args: unknown; answer: Promise<unknown> };

/** The early answer to `cmd(args)`, once; null if there is none. */
export function takeEarly(cmd: string, args: unknown, page: object = window): Promise<unknown> | null {
  const list = (page as { __WARDBOOK_EARLY__?: unknown }).__WARDBOOK_EARLY__;
  if (!Array.isArray(list)) return null;
  const wanted = canonical(args ?? {});
  const i = (list as Early[]).findIndex((e) => e.cmd === cmd && canonical(e.args) === wanted);
  if (i < 0) return null;
  return (list as Early[]).splice(i, 1)[0].answer;
}

/** JSON with object keys sorted, so that key order does not matter. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

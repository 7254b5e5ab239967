// The one way the UI talks to the backend. `Commands` (generated into
// bindings.ts from the Rust `#[command]` functions by `cargo xtask bindings`)
// lists every command with its arguments (snake_case, exactly as the Rust
// parameters) and result, so a misspelt command or a wrong argument does not compile.

import { invoke } from '@tauri-apps/api/core';
import { takeEarly } from './early';
import type { Commands, NoArgs } from './bindings';
import { toAppError } from './errors';
import { lock } from './lock.svelte';

export type { Commands };

export type Command = keyof Commands;
type ArgList<K extends Command> = Commands[K]['args'] extends NoArgs ? [] : [Commands[K]['args']];

export type Invoke = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;

/** Builds a typed caller over `invoke`; every rejection becomes an AppError. */
export function makeCall(invokeFn: Invoke) {
  return async function call<K extends Command>(cmd: K, ...args: ArgList<K>): Promise<Commands[K]['result']> {
    try {
      return (await invokeFn(cmd, args[0] as Record<string, unknown> | undefined)) as Commands[K]['result'];
    } catch (raw) {
      const err = toAppError(raw);
      // The file locked itself (idle too long): the lock screen comes up over whatever is open.
      if (err.code === 'locked') lock.locked = true;
      throw err;
    }
  };
}

export const call = makeCall((cmd, args) => invoke(cmd, args));

/** As `call`, but takes the answer the start script already asked for, if any (start-up only). */
export const callEarly = makeCall((cmd, args) => takeEarly(cmd, args) ?? invoke(cmd, args));

const readyScreens = new Set<string>();

/** Tells the backend a screen is usable, once per screen per app start. */
export function reportReady(screen: 'dashboard' | 'staff' | 'welcome'): void {
  if (readyScreens.has(screen)) return;
  readyScreens.add(screen);
  // After the frame that shows it has been painted: that is when the manager can use it.
  requestAnimationFrame(() =>
    setTimeout(() => {
      call('app_ready', { screen }).catch(() => {
        // Only the start-up benchmark listens; a failure here must not disturb the manager.
      });
    }, 0),
  );
}

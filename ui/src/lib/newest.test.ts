import { describe, expect, it } from 'vitest';
import { newestOnly } from './newest';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('newestOnly', () => {
  it('drops a slow answer to an older request that arrives after the newest', async () => {
    const gate = newestOnly();
    const older = deferred<string>();
    const newer = deferred<string>();
    const seen: string[] = [];
    gate(older.promise).then((v) => seen.push(v));
    gate(newer.promise).then((v) => seen.push(v));
    newer.resolve('July');
    await tick();
    older.resolve('June');
    await tick();
    expect(seen).toEqual(['July']);
  });

  it('passes the newest failure and drops an older one', async () => {
    const gate = newestOnly();
    const older = deferred<string>();
    const newer = deferred<string>();
    const errors: unknown[] = [];
    gate(older.promise).catch((e) => errors.push(e));
    gate(newer.promise).catch((e) => errors.push(e));
    older.reject('old failure');
    newer.reject('new failure');
    await tick();
    expect(errors).toEqual(['new failure']);
  });

  it('passes every answer of requests made one at a time', async () => {
    const gate = newestOnly();
    expect(await gate(Promise.resolve(1))).toBe(1);
    expect(await gate(Promise.resolve(2))).toBe(2);
  });
});

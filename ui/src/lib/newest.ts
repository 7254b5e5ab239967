// Requests fired one after another (a filter changed, then changed again) can
// be answered out of order; a view must show the answer to its newest request,
// never a slower answer to an older one.

/** A gate for one view's requests: an answer (or failure) passes only if no newer request went through the gate since. Older ones never settle. */
export function newestOnly(): Gate {
  let newest = 0;
  return async <T>(request: Promise<T>): Promise<T> => {
    const mine = ++newest;
    try {
      const value = await request;
      return mine === newest ? value : never<T>();
    } catch (error) {
      return mine === newest ? Promise.reject(error) : never<T>();
    }
  };
}

export type Gate = <T>(request: Promise<T>) => Promise<T>;

function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

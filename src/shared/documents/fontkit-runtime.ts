/**
 * @pdf-lib/fontkit's Indic and Universal shapers (Devanagari, Thai's
 * neighbours, Khmer…) find syllables with a generator compiled by Babel's
 * regenerator, and expect its runtime as a global that nothing ships. Without
 * it, shaping Hindi throws "regeneratorRuntime is not defined". The compiled
 * code needs only this much: `mark` and `wrap`, driving a state-machine
 * function whose `return` is a yield until it calls `stop()`.
 */
interface RegeneratorContext {
  prev: number | string;
  next: number | string;
  done: boolean;
  stop(): undefined;
}

type InnerFunction = (context: RegeneratorContext) => unknown;

const runtime = {
  mark<T>(fn: T): T {
    return fn;
  },
  wrap(inner: InnerFunction): IterableIterator<unknown> {
    const context: RegeneratorContext = {
      prev: 0,
      next: 0,
      done: false,
      stop() {
        this.done = true;
        return undefined;
      },
    };
    const iterator: IterableIterator<unknown> = {
      next() {
        if (context.done) return { value: undefined, done: true };
        const value = inner(context);
        return context.done ? { value: undefined, done: true } : { value, done: false };
      },
      [Symbol.iterator]() {
        return iterator;
      },
    };
    return iterator;
  },
};

const scope = globalThis as unknown as { regeneratorRuntime?: unknown };
scope.regeneratorRuntime ??= runtime;

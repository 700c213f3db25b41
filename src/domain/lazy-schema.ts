/**
 * A schema built the first time anything reads it, then kept. Building every zod schema of the
 * wire and the mutators when their modules load was the longest task after a slow phone showed
 * its first screen (the save code loads then, to be ready); built on first use, a phone builds
 * only the few it parses with, each when it first needs it. It stands for the schema everywhere
 * a schema goes (parse, safeParse, inside z.object, z.extend, instanceof), so it accepts exactly
 * what the schema does.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    built ??= build();
    return built;
  };
  // Every read answers from the built schema, with the schema itself as `this`: zod binds its
  // methods and memoises its getters on the instance they are read from.
  const lazy = new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    ownKeys: () => Reflect.ownKeys(schema()),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    getOwnPropertyDescriptor: (target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may only report a non-configurable property its own target holds as well.
      if (descriptor && !descriptor.configurable && !Reflect.getOwnPropertyDescriptor(target, key)) {
        Reflect.defineProperty(target, key, descriptor);
      }
      return descriptor;
    },
  });
  builders.set(lazy, schema);
  return lazy;
}

const builders = new WeakMap<object, () => unknown>();

/**
 * Builds a schema made by `lazySchema` now, if it is not built yet (any other schema is left as
 * it is). A phone asking the server something builds the answer's schema as the request leaves,
 * so the task that reads the answer is not also the one that builds it.
 */
export function buildSchemaNow(schema: object): void {
  builders.get(schema)?.();
}

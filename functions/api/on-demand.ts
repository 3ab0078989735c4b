/**
 * The functions of a module loaded at their first call, not when the app starts: a route file
 * writes `const { printInvitationLetters } = onDemand(() => import('…/print-invitation-letters.js'))`
 * and calls it as before (with `await`: every function so loaded answers a promise). In the
 * Lambda the module is a chunk of its own beside index.mjs (infra/lambda-bundling.ts,
 * splitBundleArgs), so a cold start neither reads nor initialises the rare paths (official papers,
 * the partners directory, exports, the OpenAPI document…). Only functions: schemas and constants
 * a route registers with are imported as usual.
 */
export type OnDemand<M> = {
  readonly [K in keyof M as M[K] extends (...args: never[]) => unknown ? K : never]: M[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

export function onDemand<M extends object>(load: () => Promise<M>): OnDemand<M> {
  let loading: Promise<M> | undefined;
  const loaded = () =>
    (loading ??= load().catch((error: unknown) => {
      // A failed load (a chunk missing) is tried again by the next call rather than remembered.
      loading = undefined;
      throw error;
    }));
  return new Proxy({} as OnDemand<M>, {
    get:
      (_target, name) =>
      async (...args: unknown[]) => {
        const module = (await loaded()) as Record<PropertyKey, (...args: unknown[]) => unknown>;
        return module[name]!(...args);
      },
  });
}

/**
 * An object a module builds, loaded at its first use: `onDemandObject(() => import('…').then((m) =>
 * m.createGreetingsRepository(db, table)))` stands for the object at once, and each method call
 * waits for the load. Only for objects whose every member is a method answering a promise (the
 * repositories of rare paths), so the stand-in has the object's own type.
 */
export function onDemandObject<T extends { [K in keyof T]: (...args: never[]) => Promise<unknown> }>(load: () => Promise<T>): T {
  return onDemand(load) as unknown as T;
}

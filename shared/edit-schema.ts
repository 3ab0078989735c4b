import * as z from 'zod';

type EditShape<S extends Record<string, z.ZodType>, R extends keyof S> = {
  [K in keyof S]: K extends R ? z.ZodOptional<z.ZodNullable<S[K]>> : z.ZodOptional<S[K]>;
};

/**
 * The body of an edit (PATCH) of a resource created from `shape`: any subset of its fields, at
 * least one; a `removable` field also takes null, which removes it (no capacity limit, no sender
 * name, ...). Events and units are edited this way.
 */
export function editSchema<S extends Record<string, z.ZodType>, R extends keyof S & string>(shape: S, removable: readonly R[]) {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [key, removable.includes(key as R) ? field.nullish() : field.optional()]),
  ) as EditShape<S, R>;
  return z.strictObject(fields).refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
}

import { z } from 'zod'

/*
 * Form fields checked by the domain's own schemas (the rules stay in lib/, which checks again), with
 * the failing zod issue code ('too_small', 'too_big', 'invalid_format', 'invalid_value') as the field
 * error: the lib schemas carry English messages for the command line, the forms need keys to translate.
 */

function check<S extends z.ZodType>(schema: S, value: string, ctx: z.RefinementCtx): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  ctx.addIssue({ code: 'custom', message: result.error.issues[0]?.code ?? 'invalid' })
  return z.NEVER
}

/** A required text field; absent from the form reads as 'missing'. */
export function checkedBy<S extends z.ZodType>(schema: S) {
  return z.string({ error: 'missing' }).transform((value, ctx) => check(schema, value, ctx))
}

/** An optional text field: absent or blank is undefined, anything else must pass the schema. */
export function optionalCheckedBy<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => (value?.trim() ? check(schema, value, ctx) : undefined))
}

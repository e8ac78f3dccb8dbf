import 'server-only'
import { z } from 'zod'
import { parseTrustedProxies } from '@/lib/server/address'

/*
 * The only reader of process.env. Every variable the cashier, the sandbox and the command-line tools
 * understand is declared here, validated once, and read through `env()` / `sandboxEnv()`.
 * A bad value stops start-up with the variable's name and what it should look like.
 * An empty value means unset, for every variable: `.env` files and process managers write `NAME=`
 * for "not set", and one variable read as "empty" while another read as "missing" hid mistakes.
 */

/** What to set when there is no DMS: shown when start-up refuses to run without one. */
export const NO_DMS_MESSAGE =
  'DMS_BASE_URL is not set. Set DMS_BASE_URL (and DMS_TOKEN) to your DMS, or set DMS_SANDBOX=1 to run ' +
  'the built-in DMS sandbox: a demo with fake QR codes, no real payments (npm run cashier does this).'

const intString = (name: string, def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return def
      if (!/^\d+$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number, e.g. ${def}` })
        return z.NEVER
      }
      const n = Number(v)
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be between ${min} and ${max}` })
        return z.NEVER
      }
      return n
    })

const flag = (name: string) =>
  z
    .enum(['0', '1'], { message: `${name} must be 1 (on) or 0 (off)` })
    .optional()
    .transform((v) => v === '1')

const httpUrl = (name: string) =>
  z
    .string()
    .url({ message: `${name} must be an http(s) URL, e.g. https://dms.example.com` })
    .refine((v) => /^https?:\/\//.test(v), `${name} must start with http:// or https://`)
    .transform((v) => v.replace(/\/+$/, ''))

const appSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: intString('PORT', 3000, 1, 65535),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must look like postgres://user@host:5432/db')
      .optional(),
    SQLITE_PATH: z.string().min(1).default('data/cashier.db'),
    AUTH_SECRET: z
      .string({
        message: 'AUTH_SECRET is required: 32+ random characters (openssl rand -base64 32)',
      })
      .min(32, 'AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)'),
    DMS_BASE_URL: z.string({ message: NO_DMS_MESSAGE }).pipe(httpUrl('DMS_BASE_URL')),
    DMS_SANDBOX: flag('DMS_SANDBOX'),
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const parsed = parseTrustedProxies(v ?? '')
        if (!parsed.ok) {
          ctx.addIssue({ code: 'custom', message: `TRUSTED_PROXIES: ${parsed.error}` })
          return z.NEVER
        }
        return parsed.entries
      }),
    DMS_TOKEN: z
      .string({ message: 'DMS_TOKEN is required: the bearer token DMS issued to this shop' })
      .min(1),
    DMS_TIMEOUT_MS: intString('DMS_TIMEOUT_MS', 10_000, 100, 120_000),
    DMS_QUERY_INTERVAL_MS: intString('DMS_QUERY_INTERVAL_MS', 2_000, 200, 60_000),
    DMS_NOTIFY_SECRET: z
      .string()
      .min(16, 'DMS_NOTIFY_SECRET must be at least 16 characters')
      .optional(),
    SWEEP_INTERVAL_MS: intString('SWEEP_INTERVAL_MS', 5_000, 200, 600_000),
    RUN_TOKEN: z.string().max(100).optional(),
  })
  .transform((e) => ({
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    sqlitePath: e.SQLITE_PATH,
    authSecret: e.AUTH_SECRET,
    dms: {
      baseUrl: e.DMS_BASE_URL,
      token: e.DMS_TOKEN,
      timeoutMs: e.DMS_TIMEOUT_MS,
      queryIntervalMs: e.DMS_QUERY_INTERVAL_MS,
      notifySecret: e.DMS_NOTIFY_SECRET,
    },
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    /** DMS_SANDBOX=1: DMS is the built-in sandbox; every screen says so (no real payments). */
    sandbox: e.DMS_SANDBOX,
    trustedProxies: e.TRUSTED_PROXIES,
    runToken: e.RUN_TOKEN,
  }))

export type AppEnv = z.output<typeof appSchema>

const dbSchema = z.object({
  DATABASE_URL: appSchema.in.shape.DATABASE_URL,
  SQLITE_PATH: appSchema.in.shape.SQLITE_PATH,
})

const sandboxSchema = z.object({
  SANDBOX_PORT: intString('SANDBOX_PORT', 4010, 1, 65535),
  SANDBOX_HOST: z.string().default('127.0.0.1'),
  SANDBOX_DATA: z.string().min(1).default('data/sandbox.json'),
  SANDBOX_TOKEN: z.string().min(1).default('sandbox-token'),
  SANDBOX_NOTIFY_URL: httpUrl('SANDBOX_NOTIFY_URL').optional(),
  SANDBOX_AUTO_PAY: z.enum(['0', '1']).default('0'),
  DMS_NOTIFY_SECRET: z.string().optional(),
})

function format(error: z.ZodError): string {
  return error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`).join('\n')
}

/** The environment with empty values left out: `NAME=` means unset. */
function setVariables(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && e[1] !== '',
    ),
  )
}

/** One variable's value, or undefined when it is unset or empty (for start-up scripts). */
export function envValue(name: string): string | undefined {
  return setVariables()[name]
}

/** Gives a variable a value when it has none (unset or empty): start-up scripts filling defaults. */
export function defaultEnv(name: string, value: () => string): string {
  const current = envValue(name)
  if (current !== undefined) return current
  process.env[name] = value()
  resetEnvCache()
  return process.env[name]
}

function parse<S extends z.ZodType>(schema: S, what: string): z.output<S> {
  const result = schema.safeParse(setVariables())
  if (!result.success) {
    throw new Error(`Invalid ${what} configuration:\n${format(result.error)}\nSee .env.example.`)
  }
  return result.data
}

let cached: AppEnv | undefined

/** The validated app configuration. Throws a readable error naming each bad variable. */
export function env(): AppEnv {
  cached ??= parse(appSchema, 'cashier')
  return cached
}

/** Only what the database layer needs, so command-line tools run without DMS or auth settings. */
export function dbEnv(): { databaseUrl?: string; sqlitePath: string } {
  const e = parse(dbSchema, 'database')
  return { databaseUrl: e.DATABASE_URL, sqlitePath: e.SQLITE_PATH }
}

const cliSchema = z.object({ PORT: appSchema.in.shape.PORT })

/** What command-line tools need besides the database: the port the server listens on (for URLs). */
export function cliEnv(): { port: number } {
  return { port: parse(cliSchema, 'command-line').PORT }
}

/** Every variable the schemas above declare (the cashier's, the database's, the sandbox's, the CLI's). */
export function declaredVariables(): string[] {
  const names = [appSchema.in.shape, dbSchema.shape, sandboxSchema.shape, cliSchema.shape].flatMap(
    (shape) => Object.keys(shape),
  )
  return [...new Set(names)].sort()
}

export type SandboxEnv = z.output<typeof sandboxSchema>
export function sandboxEnv(): SandboxEnv {
  return parse(sandboxSchema, 'DMS sandbox')
}

/** For tests: forget the cached configuration so a changed process.env is read again. */
export function resetEnvCache(): void {
  cached = undefined
}

/*
 * For tests and the tools that start child processes: the environment is the interface they configure
 * the app through, so setting it goes through here too.
 */

/** Sets variables (undefined removes one) and returns a function that puts the previous values back. */
export function overrideEnv(vars: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    resetEnvCache()
  }
  apply(vars)
  return () => apply(previous)
}

/** This process's environment with `vars` on top (undefined removes one), for a child process. */
export function childEnv(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env }
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete merged[k]
    else merged[k] = v
  }
  return merged
}

/** Where the data-layer tests find PostgreSQL, and whether its absence is a failure (on CI). */
export function testDatabaseEnv(): { url: string; required: boolean } {
  const vars = setVariables()
  return {
    url: vars.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    required: Boolean(vars.CI),
  }
}

/** Whether DMS is the built-in sandbox (DMS_SANDBOX=1): every screen then shows the demo ribbon. */
export function sandboxMode(): boolean {
  return env().sandbox
}

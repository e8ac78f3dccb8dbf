/*
 * The design tokens' values, their one home: tailwind.config.ts turns them into classes (`bg-accent`,
 * `text-status-paid`, `fill-wechat`), and the places a class cannot reach read them from here: the
 * chart's bars (a recharts prop), the browser's theme colour and the tablet's web app manifest.
 * Prefer the class where one works: importing this object puts all of it in that page's bundle
 * (the pay-way mark did, and the tablet's first load went over its budget). Plain values, no
 * imports, so Tailwind's config loader and a client bundle can both take them.
 */
export const colors = {
  // The page's text and background (app/globals.css), as the design card gives them.
  ink: '#111827',
  canvas: '#f3f4f6',
  accent: { DEFAULT: '#1d4ed8', soft: '#dbeafe', strong: '#1e3a8a' },
  // The customer tablet's dark frame, and the browser's bar around it.
  tablet: '#0f172a',
  wechat: '#07c160',
  alipay: '#1677ff',
  status: {
    waiting: '#b45309',
    paid: '#15803d',
    failed: '#b91c1c',
    closed: '#4b5563',
    unknown: '#7c3aed',
  },
} as const

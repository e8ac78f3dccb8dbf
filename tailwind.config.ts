import type { Config } from 'tailwindcss'
import { colors } from './lib/design-tokens'

// Tailwind 4 reads this through `@config` in app/globals.css. The tokens' values live in
// lib/design-tokens.ts, which the code that cannot use a class reads too.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      fontFamily: {
        sans: [
          '"PingFang SC"',
          '"Microsoft YaHei"',
          '"Noto Sans CJK SC"',
          '"Noto Sans SC"',
          'system-ui',
          'sans-serif',
        ],
      },
      colors,
    },
  },
}

export default config

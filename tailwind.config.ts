import type { Config } from 'tailwindcss'

// Tailwind 4 reads this through `@config` in app/globals.css: the design tokens live here.
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
      colors: {
        // The page's text and background (app/globals.css), as the design card gives them.
        ink: '#111827',
        canvas: '#f3f4f6',
        accent: { DEFAULT: '#1d4ed8', soft: '#dbeafe', strong: '#1e3a8a' },
        wechat: '#07c160',
        alipay: '#1677ff',
        status: {
          waiting: '#b45309',
          paid: '#15803d',
          failed: '#b91c1c',
          closed: '#4b5563',
          unknown: '#7c3aed',
        },
      },
    },
  },
}

export default config

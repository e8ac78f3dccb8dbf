import { test } from '@playwright/test'

/*
 * A proof suite's figures (cells walked, answers scanned, screens checked), printed once the file
 * has run so that every run shows what it proved, not only that it passed. Call at the top level of
 * a spec; record lines as the tests establish them (after their assertions).
 */
export function suiteFigures(suite: string): (line: string) => void {
  const lines: string[] = []
  test.afterAll(() => {
    if (lines.length > 0) console.log(`\n${suite}\n${lines.map((l) => `  ${l}`).join('\n')}\n`)
  })
  return (line) => void lines.push(line)
}

import { readdirSync, readFileSync } from 'node:fs'

/*
 * Linux /proc readers: which process of a group is the app server (titled "cashier-server" by
 * lib/server/start.ts), and how much memory it holds. Only /proc, so nothing to install and nothing
 * to signal.
 */

function groupOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name in parentheses may itself contain spaces or parentheses: skip past the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[2]) // state, ppid, pgrp
  } catch {
    return null
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()
  } catch {
    return ''
  }
}

/** The process of group `pgid` whose command line matches, e.g. /^cashier-server/. */
export function findInGroup(pgid: number, command: RegExp): number | null {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const pid = Number(name)
    if (groupOf(pid) === pgid && command.test(commandOf(pid))) return pid
  }
  return null
}

/** Resident set size in MiB (VmRSS), or NaN when the process is gone. */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]
    return kb ? Number(kb) / 1024 : NaN
  } catch {
    return NaN
  }
}

/** CPU time the process has used so far (user + system), in ms; NaN when it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}

export const appServerPid = (pgid: number) => findInGroup(pgid, /^cashier-server/)

/** The nav's count beside 待处理/Attention; nothing when no charge needs a manager. */
export function AttentionBadge({ count }: { count: number }) {
  if (count <= 0) return null
  return (
    <span
      data-testid="nav-attention-count"
      className="ml-1.5 rounded-full bg-amber-400 px-1.5 py-0.5 text-xs font-bold text-amber-950 tabular"
    >
      {count}
    </span>
  )
}

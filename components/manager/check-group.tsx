/** A row of checkbox chips sharing one URL key (status=paid&status=failed). */
export function CheckGroup(props: {
  legend: string
  name: string
  options: Array<{ value: string; label: React.ReactNode }>
  checked: readonly string[]
}) {
  return (
    <fieldset className="mt-4">
      <legend className="mb-1 block text-sm font-medium text-gray-600">{props.legend}</legend>
      <div className="flex flex-wrap gap-2">
        {props.options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-3 ring-1 ring-gray-200 has-[:checked]:bg-accent-soft has-[:checked]:ring-accent"
          >
            <input
              type="checkbox"
              name={props.name}
              value={o.value}
              defaultChecked={props.checked.includes(o.value)}
              className="h-5 w-5"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

import { NotFoundCard } from '@/components/layout/not-found-card'

/*
 * A charge, handover or station the staff screens cannot find (notFound() in a staff page): the card
 * under the staff shell's header. Without this boundary the root one was drawn there, bringing its
 * own demo ribbon (the shell has one: two ribbons) and a whole screen's height under the header (the
 * page scrolled to show nothing more).
 */
export default function StaffNotFound() {
  return (
    <div className="flex justify-center py-10 sm:py-16">
      <NotFoundCard />
    </div>
  )
}

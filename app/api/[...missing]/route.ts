/**
 * Any /api path no route answers: JSON, like every other API answer. Without it Next renders its
 * HTML 404 page here, under the API's Content-Security-Policy that allows no script or style.
 */
function notFound(): Response {
  return Response.json(
    { error: 'not-found', message: 'No such API route.' },
    { status: 404, headers: { 'cache-control': 'no-store' } },
  )
}

export const GET = notFound
export const POST = notFound
export const PUT = notFound
export const PATCH = notFound
export const DELETE = notFound

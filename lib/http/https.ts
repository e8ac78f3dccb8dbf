/**
 * Whether the browser reached us over HTTPS: through a proxy that terminates TLS and says so in
 * X-Forwarded-Proto (its first entry), or directly over TLS. Next sets the header itself for a direct
 * connection; the lean polling server passes whether its socket is TLS.
 * A client that fakes the header over plain HTTP only gets a cookie its own browser will not keep.
 */
export function isHttpsRequest(forwardedProto: string | null | undefined, tls = false): boolean {
  const proto = forwardedProto?.split(',')[0]?.trim()
  return proto ? proto === 'https' : tls
}

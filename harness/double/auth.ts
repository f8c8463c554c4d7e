// Graph accepts nothing but a bearer token; the double accepts any non-empty one, since it has no issuer to trust.

export function hasBearerToken(authorization: string | undefined): boolean {
  const match = /^Bearer[ \t]+(.*)$/i.exec(authorization ?? '');
  return match !== null && (match[1] ?? '').trim() !== '';
}

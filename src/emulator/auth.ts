// Graph accepts nothing but a bearer token; the double accepts any non-empty one, since it has no issuer to trust,
// unless a test names the tokens it accepts.
import type { GraphError } from './errors.js';

export function hasBearerToken(authorization: string | undefined): boolean {
  return bearerToken(authorization) !== undefined;
}

/** The token of a bearer Authorization header, or undefined when there is none (or it is empty). */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(.*)$/i.exec(authorization ?? '');
  const token = (match?.[1] ?? '').trim();
  return token === '' ? undefined : token;
}

/**
 * Whether a token present is refused: only when the double is told which tokens it trusts (`acceptTokens`),
 * as a tenant trusts only tokens its issuer signed for Graph's audience and still valid.
 */
export function refusesToken(token: string, acceptTokens: readonly string[] | undefined): boolean {
  return acceptTokens !== undefined && !acceptTokens.includes(token);
}

/**
 * Graph's answer to a bearer token it cannot accept (expired, another audience, not signed by the
 * tenant's issuer): 401 InvalidAuthenticationToken (Microsoft Graph's error responses: "the access token is
 * missing, invalid, or expired"), with the message it gives an expired token, and its challenge.
 */
export function tokenRefused(): GraphError {
  return {
    status: 401,
    code: 'InvalidAuthenticationToken',
    message: 'Access token has expired or is not yet valid.',
    headers: {
      'WWW-Authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="invalid_token"',
    },
  };
}

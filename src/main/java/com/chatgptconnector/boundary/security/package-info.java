/**
 * Signing callers in: the Jakarta Authentication module (HTTP Basic, the web session with its
 * CSRF token, workspace API tokens as Bearer), deny-by-default role enforcement for every
 * resource method, the sign-in resource and user and token administration. The {@code Oidc*}
 * classes add single sign-on with an OpenID Connect provider and the provider's machine tokens
 * (docs/adr/0029-openid-connect-with-nimbus-in-our-module.md); the module calls them at two
 * places, the session and the Bearer branch.
 */
package com.chatgptconnector.boundary.security;

/**
 * Signing callers in: the Jakarta Authentication module (HTTP Basic, the web session with its
 * CSRF token, workspace API tokens as Bearer), deny-by-default role enforcement for every
 * resource method, the sign-in resource and user and token administration.
 */
package com.chatgptconnector.boundary.security;

/**
 * How errors leave the service: problem details (RFC 9457) in the caller's language from one
 * family of exception mappers, and request bodies read within a per-request limit and an
 * instance-wide budget. Nothing here echoes request input, so a pasted key cannot leak.
 */
package com.chatgptconnector.boundary.problem;

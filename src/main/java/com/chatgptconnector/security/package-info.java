/**
 * Who the caller is and what they may do: HTTP Basic authentication against the user table and
 * the global roles that each resource method declares. It also holds the encryption at rest of
 * stored OpenAI API keys: AES-256-GCM bound to the workspace, under a master keyring that can be
 * rotated without downtime.
 */
package com.chatgptconnector.security;

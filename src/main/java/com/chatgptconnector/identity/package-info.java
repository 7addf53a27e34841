/**
 * Who callers are: users with PBKDF2-hashed passwords and the first operator, workspace API
 * tokens (stored as SHA-256, shown once), the global roles and the caller of the current request.
 */
package com.chatgptconnector.identity;

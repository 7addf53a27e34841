/**
 * Encryption at rest of stored OpenAI API keys: AES-256-GCM bound to the workspace under a
 * versioned master keyring that rotates without downtime, and the start-up check that production
 * never runs on the shipped development key.
 */
package com.chatgptconnector.crypto;

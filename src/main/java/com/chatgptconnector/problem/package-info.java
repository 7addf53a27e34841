/**
 * Problem details (RFC 9457) for every error the service answers: the stable error codes, the
 * German and English texts, and the one family of exception mappers that renders them. Nothing
 * here ever echoes request input, so a pasted API key cannot leak through an error. Request
 * bodies are read here too, within a per-request limit and an instance-wide budget, so that no
 * caller can run the heap that every workspace shares out.
 */
package com.chatgptconnector.problem;

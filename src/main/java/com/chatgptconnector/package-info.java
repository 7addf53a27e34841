/**
 * ChatGPT Connector: governed, per-workspace access to OpenAI for a low-code platform. The
 * {@code boundary} packages speak HTTP; the feature packages below them decide; {@code openai}
 * calls OpenAI; {@code problem}, {@code persistence} and {@code json} are the ground floor
 * (docs/architecture.md).
 */
package com.chatgptconnector;

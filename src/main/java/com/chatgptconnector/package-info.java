/**
 * ChatGPT Connector: governed, per-workspace access to OpenAI for a low-code platform. The
 * application class and the ordered start-up live here; each feature has its own package.
 */
package com.chatgptconnector;

/**
 * The two calls a platform makes thousands of times a second, a chat completion on the
 * OpenAI-compatible endpoint and a block run, served from a servlet filter with the same resource
 * methods Jersey would call: Jersey's request pipeline cost a fifth of their CPU (README,
 * Benchmark). Everything unusual about a request falls through to Jersey unchanged.
 */
package com.chatgptconnector.hotpath;

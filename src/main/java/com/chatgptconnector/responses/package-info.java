/**
 * Which workspace created which Responses API response: OpenAI keeps the responses (and lets any
 * holder of the key read, delete or continue them), so a workspace may touch only the ids it
 * created through its own endpoint, even where several workspaces share one vendor key.
 */
package com.chatgptconnector.responses;

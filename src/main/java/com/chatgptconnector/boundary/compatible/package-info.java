/**
 * The OpenAI-compatible endpoint of a workspace ({@code /api/workspaces/{ws}/openai/v1}), so the
 * official SDKs work unchanged with a workspace token as their key; errors here are in OpenAI's
 * envelope, not problem+json.
 */
package com.chatgptconnector.boundary.compatible;

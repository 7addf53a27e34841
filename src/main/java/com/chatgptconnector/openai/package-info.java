/**
 * The OpenAI gateway: the REST client toward the OpenAI API, the classification of every failure
 * (HTTP status, error envelope, transport exception) into the design's error catalogue, and the
 * retry policy with per-workspace circuit breaking, so that one workspace's broken key never
 * blocks another.
 */
package com.chatgptconnector.openai;

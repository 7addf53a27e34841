/**
 * The outbound OpenAI client: every call to the OpenAI API with a workspace's
 * {@link com.chatgptconnector.openai.OpenAiCredentials}, the classification of every failure
 * (status, error envelope, transport exception) into the error catalogue, and retries with a
 * circuit breaker and bulkhead per workspace, so one workspace's broken key never blocks another.
 */
package com.chatgptconnector.openai;

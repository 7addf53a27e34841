/**
 * Cost transparency: one usage record per request toward OpenAI, monthly totals per workspace,
 * block, model, day and error code, and the monthly token limit that holds exactly across
 * instances by reserving tokens with one conditional SQL update before each call.
 */
package com.chatgptconnector.usage;

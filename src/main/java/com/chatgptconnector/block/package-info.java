/**
 * ChatGPT building blocks: named prompt templates of a workspace with a model and parameters. A run
 * fills the template's variables and calls OpenAI with the workspace's key, recording usage.
 */
package com.chatgptconnector.block;

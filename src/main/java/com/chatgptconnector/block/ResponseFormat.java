package com.chatgptconnector.block;

/** What a block's answer is: free text, or one JSON object (OpenAI's JSON mode). */
public enum ResponseFormat {
    TEXT, JSON
}

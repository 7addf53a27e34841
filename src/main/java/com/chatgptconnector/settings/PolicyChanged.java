package com.chatgptconnector.settings;

/**
 * A workspace's token limit or allowed models changed, in the transaction that changed them.
 * Usage observes it to start the month's token budget afresh; settings need not know who listens.
 */
public record PolicyChanged(String workspaceId) {
}

package com.chatgptconnector.settings;

/** Whether ChatGPT may be used in a workspace. Off by default; only operators switch it on. */
public enum SettingsStatus {
    DISABLED, REQUESTED, ACTIVE, SUSPENDED
}

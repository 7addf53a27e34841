package com.chatgptconnector.settings;

/** Who entered the stored API key: nobody, the workspace admin, or the vendor's operator. */
public enum KeySource {
    NONE, WORKSPACE, VENDOR
}

/**
 * A workspace's ChatGPT settings over HTTP: the activation lifecycle (operators), the key and
 * policy (admins, operators for a vendor key), the connection test and key re-encryption. Every
 * answer carries the settings version as {@code ETag}; changes send it back as {@code If-Match}.
 */
package com.chatgptconnector.boundary.settings;

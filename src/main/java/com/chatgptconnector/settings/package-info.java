/**
 * A workspace's ChatGPT settings: the activation lifecycle decided by operators, the OpenAI
 * credentials entered by its admin (or a vendor key by an operator), kept encrypted and never
 * returned, and the re-encryption after a master key rotation.
 */
package com.chatgptconnector.settings;

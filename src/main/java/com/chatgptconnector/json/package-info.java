/**
 * The JSON-P provider, looked up once, for the few places that parse or build JSON by hand.
 */
package com.chatgptconnector.json;

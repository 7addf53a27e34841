/**
 * The two calls a platform makes thousands of times a second, a chat completion on the
 * compatible endpoint and a block run, served from a servlet filter with the same resource methods
 * Jersey would call (docs/adr/0003-servlet-hot-path.md). Anything unusual falls through to Jersey.
 */
package com.chatgptconnector.boundary.hotpath;

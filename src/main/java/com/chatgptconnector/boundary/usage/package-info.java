/**
 * A workspace's usage of one month over HTTP, for its admins and operators.
 */
package com.chatgptconnector.boundary.usage;

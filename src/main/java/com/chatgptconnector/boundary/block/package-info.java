/**
 * Building blocks over HTTP: their CRUD for admins, and runs for members, whose request and
 * answer bodies are read and written without JSON-B for speed.
 */
package com.chatgptconnector.boundary.block;

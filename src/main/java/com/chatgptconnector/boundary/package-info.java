/**
 * The HTTP boundary: every JAX-RS resource, servlet filter, body reader and writer and exception
 * mapper, grouped by the feature it serves. Resources check who may call (roles, then
 * {@code WorkspaceAccess}) and hand over to the features; nothing below this package knows HTTP.
 */
package com.chatgptconnector.boundary;

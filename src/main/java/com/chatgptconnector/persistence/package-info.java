/**
 * The database: the configured data source (embedded H2 by default, PostgreSQL in production),
 * the Flyway migrations that own the schema, and the readiness check. All state lives here, so
 * several instances on one PostgreSQL always agree; the change stamp lets a request tell with
 * one read whether rows an earlier request read are still current.
 */
package com.chatgptconnector.persistence;

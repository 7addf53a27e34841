/**
 * The operators' endpoints served by the application itself, the same on every server:
 * {@code /metrics} (Prometheus' text format from the application's registry) and
 * {@code /health}, {@code /health/live}, {@code /health/ready}, {@code /health/started} (the
 * MicroProfile Health checks of the application, in MicroProfile Health's JSON). WildFly serves
 * its own health and metrics on the management port only, and has no MicroProfile Metrics
 * (docs/adr/0025-one-war-on-payara-and-wildfly.md).
 */
package com.chatgptconnector.boundary.operations;

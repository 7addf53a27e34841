/**
 * The application's metric registry: Micrometer inside the WAR with its Prometheus registry, so
 * {@code /metrics} shows the same names on every server (WildFly 39 has no MicroProfile Metrics;
 * docs/adr/0025-one-war-on-payara-and-wildfly.md).
 */
package com.chatgptconnector.metrics;

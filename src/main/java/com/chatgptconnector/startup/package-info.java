/**
 * Start-up in a fixed order (secrets checked, schema migrated, first operator, re-encryption) as a
 * CDI observer that runs on every server, and the data source declaration; a failure exits the
 * process (connector.startup.exit-on-failure) or keeps readiness DOWN with the reason.
 */
package com.chatgptconnector.startup;

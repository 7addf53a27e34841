/**
 * Start-up in a fixed order (secrets checked, schema migrated, first operator, re-encryption), and
 * the data source declaration; a failure here fails the deployment.
 */
package com.chatgptconnector.startup;

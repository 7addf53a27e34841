/**
 * The audit trail: who changed a workspace's activation, credentials or members, and when.
 * Events are written in the same transaction as the change and never contain a key.
 */
package com.chatgptconnector.audit;

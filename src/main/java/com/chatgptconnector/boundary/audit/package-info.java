/**
 * The audit trail over HTTP: a workspace's events, newest first, for its admins and operators.
 */
package com.chatgptconnector.boundary.audit;

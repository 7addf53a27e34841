/**
 * Workspaces and their members over HTTP: operators create workspaces, admins and operators
 * manage members.
 */
package com.chatgptconnector.boundary.workspace;

/**
 * Workspaces of the low-code platform and their members (ADMIN or MEMBER), and the scoping rules
 * every workspace endpoint goes through: non-members get 404, never a hint that it exists.
 */
package com.chatgptconnector.workspace;

/**
 * The stable error codes of the catalogue (docs/api.md), the exception that carries one, and the
 * German and English texts. Features throw; the boundary renders.
 */
package com.chatgptconnector.problem;

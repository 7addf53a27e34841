/**
 * What every answer of the service carries, whoever made it: the security headers of the web
 * pages and the API ({@link com.chatgptconnector.boundary.web.SecurityHeadersFilter}), and
 * problem+json (OpenAI's envelope under {@code openai/v1}) for the errors the servlet container
 * raises itself, such as a static file that does not exist
 * ({@link com.chatgptconnector.boundary.web.ContainerErrorServlet}).
 */
package com.chatgptconnector.boundary.web;

package com.chatgptconnector.boundary.operations;

import com.chatgptconnector.metrics.ConnectorMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every metric of the application in Prometheus' text format, for anyone (no secrets, no workspace ids). */
@WebServlet(urlPatterns = {"/metrics", "/metrics/*"})
public class MetricsServlet extends HttpServlet {

    @Inject
    transient ConnectorMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

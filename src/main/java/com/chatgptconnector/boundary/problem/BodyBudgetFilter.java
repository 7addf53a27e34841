package com.chatgptconnector.boundary.problem;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Counts every body byte an API request reads against the instance's {@link BodyBudget}. A read
 * past the budget drops the rest of the body (so that a client still sending reads the answer
 * instead of a broken connection) and answers 503 {@code service_busy}, which clients and the
 * OpenAI SDKs retry. What a request claimed is given back when it ends, asynchronous or not.
 */
// declared in web.xml, ahead of the hot path filter
public class BodyBudgetFilter extends HttpFilter {

    private static final String CLAIM = BodyBudgetFilter.class.getName();

    /**
     * Announced bodies up to this size pass uncounted: they are part of the ~35 KB a request in
     * flight holds anyway (docs/adr/0021-request-body-limits.md), and the hot paths' bodies are far smaller.
     */
    static final long SMALL = 16 * 1024;

    @Inject
    BodyBudget budget;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length >= 0 && length <= SMALL) {
            chain.doFilter(request, response);
            return;
        }
        CountedBody body = new CountedBody(request, budget);
        request.setAttribute(CLAIM, body);
        chain.doFilter(body, response);
    }

    /** Gives a request's claim back when the request ends: for an asynchronous one, when its answer is written. */
    @WebListener
    public static class Release implements ServletRequestListener {

        @Override
        public void requestDestroyed(ServletRequestEvent event) {
            if (event.getServletRequest().getAttribute(CLAIM) instanceof CountedBody body) {
                body.release();
            }
        }
    }

    static final class CountedBody extends HttpServletRequestWrapper {

        private final BodyBudget budget;
        private final long announced;
        private long read;
        private long claimed;
        private ServletInputStream stream;

        CountedBody(HttpServletRequest request, BodyBudget budget) {
            super(request);
            this.budget = budget;
            this.announced = request.getContentLengthLong();
        }

        synchronized void release() {
            budget.release(claimed);
            claimed = 0;
        }

        /**
         * An announced body is claimed whole at its first bytes: claimed piece by piece, many
         * large bodies arriving together could each hold part of the budget and all be refused.
         */
        private synchronized void count(int bytes) throws IOException {
            read += bytes;
            long need = Math.max(read, claimed == 0 ? announced : 0) - claimed;
            if (need <= 0) {
                return;
            }
            if (!budget.claim(need)) {
                RequestBodies.dropRest(getRequest().getInputStream(), RequestBodies.configuredMaxBodyBytes());
                throw new ProblemException(ErrorCode.SERVICE_BUSY, Map.of("retryAfterSeconds", 1));
            }
            claimed += need;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

package com.chatgptconnector.boundary.hotpath;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@code Accept} header as RFC 9110 (section 12.5.1) reads it: each element parsed by the
 * JAX-RS runtime ({@link MediaType#valueOf}, Jersey's parser on Payara, RESTEasy's on WildFly),
 * its {@code q} weighed, and a media type given the quality of the most specific range that
 * matches it. The hot path serves a request only where its answer's type is plainly acceptable
 * (a quality above zero); anything else, a header that does not parse included, is Jersey's to
 * answer (docs/adr/0003-servlet-hot-path.md).
 */
final class AcceptHeader {

    /** A media range and its weight, 0 to 1000 (thousandths, as a qvalue has at most three decimals). */
    private record Range(String type, String subtype, int quality) {

        /** How specific the range is for a type it matches: exact 2, {@code type/*} 1, {@code *}{@code /*} 0; -1 no match. */
        int specificity(MediaType candidate) {
            if (type.equals(MediaType.MEDIA_TYPE_WILDCARD)) {
                return subtype.equals(MediaType.MEDIA_TYPE_WILDCARD) ? 0 : -1;
            }
            if (!type.equalsIgnoreCase(candidate.getType())) {
                return -1;
            }
            return subtype.equals(MediaType.MEDIA_TYPE_WILDCARD) ? 1 : subtype.equalsIgnoreCase(candidate.getSubtype()) ? 2 : -1;
        }
    }

    /**
     * The headers seen, read once each: clients send a handful of distinct values, and the
     * runtime's parser costs 0.3-4.5 µs a header against 0.02-0.1 µs for a lookup (docs/adr/0003).
     * Bounded, so a client that sends a new header each time only costs the parse.
     */
    private static final int REMEMBERED = 256;
    private static final Map<String, AcceptHeader> SEEN = new ConcurrentHashMap<>();
    private static final AcceptHeader UNPARSEABLE = new AcceptHeader(List.of());

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** As {@link #parse}, remembered for the next request that sends the same header. */
    static AcceptHeader of(String header) {
        AcceptHeader known = SEEN.get(header);
        if (known == null) {
            AcceptHeader parsed = parse(header);
            known = parsed == null ? UNPARSEABLE : parsed;
            if (SEEN.size() < REMEMBERED) {
                SEEN.put(header, known);
            }
        }
        return known == UNPARSEABLE ? null : known;
    }

    /** The header read, or {@code null} where it does not parse (a bad media range or qvalue). */
    static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>(2);
        try {
            for (String element : elements(header)) {
                MediaType range = MediaType.valueOf(element);
                int quality = quality(range.getParameters().get("q"));
                if (quality < 0 || (range.isWildcardType() && !range.isWildcardSubtype())) {
                    return null;
                }
                ranges.add(new Range(range.getType(), range.getSubtype(), quality));
            }
        } catch (IllegalArgumentException notAMediaRange) {
            return null;
        }
        return new AcceptHeader(List.copyOf(ranges));
    }

    /**
     * Whether {@code type} is acceptable: the most specific range that matches it has a quality
     * above zero ({@code application/json;q=0, *}{@code /*} refuses JSON; an empty header accepts
     * anything, as no header does).
     */
    boolean accepts(MediaType type) {
        if (ranges.isEmpty()) {
            return true;
        }
        int best = -1;
        int quality = 0;
        for (Range range : ranges) {
            int specificity = range.specificity(type);
            if (specificity > best) {
                best = specificity;
                quality = range.quality;
            } else if (specificity == best && specificity >= 0) {
                // the same range twice with two weights: the lower wins, as the doubt is Jersey's to judge
                quality = Math.min(quality, range.quality);
            }
        }
        return best >= 0 && quality > 0;
    }

    /** RFC 9110's qvalue in thousandths, 1000 without one; -1 for one that is not a qvalue. */
    static int quality(String q) {
        if (q == null) {
            return 1000;
        }
        int length = q.length();
        if (length == 0 || length > 5 || (length > 1 && q.charAt(1) != '.')) {
            return -1;
        }
        char unit = q.charAt(0);
        if (unit != '0' && unit != '1') {
            return -1;
        }
        int thousandths = 0;
        for (int i = 2, scale = 100; i < 5; i++, scale /= 10) {
            if (i < length) {
                char digit = q.charAt(i);
                if (digit < '0' || digit > '9') {
                    return -1;
                }
                thousandths += (digit - '0') * scale;
            }
        }
        if (unit == '1' && thousandths > 0) {
            return -1;
        }
        return unit == '1' ? 1000 : thousandths;
    }

    /** The comma-separated elements, commas inside a quoted parameter value kept; empty elements dropped. */
    static List<String> elements(String header) {
        List<String> elements = new ArrayList<>(2);
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ',' && !quoted) {
                add(elements, header, start, i);
                start = i + 1;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted string");
        }
        add(elements, header, start, header.length());
        return elements;
    }

    private static void add(List<String> elements, String header, int start, int end) {
        String element = header.substring(start, end).trim();
        if (!element.isEmpty()) {
            elements.add(element);
        }
    }
}

package com.chatgptconnector.block;

import com.chatgptconnector.problem.ValidationException;
import com.chatgptconnector.problem.ValidationException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A block's user prompt with {@code {{variable}}} placeholders. It is split once into literal
 * and variable segments, and rendering only concatenates them: a value is inserted as plain text
 * and is never read as template syntax, so {@code {{other}}} inside a value stays as it is.
 * {@code \{{} writes a literal {@code {{}; anything that is not a valid placeholder is kept as text,
 * because prompts legitimately contain braces (JSON, code) and must not be rejected for them.
 */
public final class PromptTemplate {

    static final int MAX_TEMPLATE = 100_000;
    static final int MAX_VARIABLES = 100;
    static final int MAX_VALUE = 100_000;
    private static final int MAX_NAME = 64;

    private record Segment(String text, boolean variable) {
    }

    private final List<Segment> segments;
    private final Set<String> variables;

    private PromptTemplate(List<Segment> segments, Set<String> variables) {
        this.segments = segments;
        this.variables = Collections.unmodifiableSet(variables);
    }

    public static PromptTemplate parse(String template) {
        String source = template == null ? "" : template;
        if (source.length() > MAX_TEMPLATE) {
            throw ValidationException.of("userPrompt", "template_too_large", MAX_TEMPLATE);
        }
        return new Parser(source).parse();
    }

    /** The variable names in order of first appearance. */
    public Set<String> variables() {
        return variables;
    }

    /** Fills every variable; all missing or oversized values are reported together. */
    public String render(Map<String, String> values) {
        List<Violation> violations = new ArrayList<>();
        for (String name : variables) {
            String value = values == null ? null : values.get(name);
            if (value == null) {
                violations.add(new Violation("variables." + name, "variable_missing", name));
            } else if (value.length() > MAX_VALUE) {
                violations.add(new Violation("variables." + name, "variable_too_long", MAX_VALUE));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            out.append(segment.variable() ? values.get(segment.text()) : segment.text());
        }
        return out.toString();
    }

    /**
     * A hand-written scanner rather than a regex or an indexOf("}}") per "{{": prompts are parsed
     * on every block listing, and those approaches are quadratic on inputs such as 100,000
     * opening braces. Every character is looked at a bounded number of times.
     */
    private static final class Parser {

        private final String source;
        private final List<Segment> segments = new ArrayList<>();
        private final Set<String> variables = new LinkedHashSet<>();
        private final StringBuilder literal = new StringBuilder();
        /** The last whitespace run seen, so a later "{{" inside a long run does not rescan it. */
        private int runStart = -1;
        private int runEnd = -1;
        /** Set by {@link #placeholderEnd} on success. */
        private String name;

        Parser(String source) {
            this.source = source;
        }

        PromptTemplate parse() {
            int i = 0;
            while (i < source.length()) {
                if (source.startsWith("\\{{", i)) {
                    literal.append("{{");
                    i += 3;
                    continue;
                }
                if (source.startsWith("{{", i)) {
                    int end = placeholderEnd(i + 2);
                    if (end >= 0) {
                        addVariable(name);
                        i = end;
                        continue;
                    }
                }
                literal.append(source.charAt(i));
                i++;
            }
            flushLiteral();
            return new PromptTemplate(List.copyOf(segments), variables);
        }

        /** The index after the closing braces if a placeholder body starts at {@code p}, else -1. */
        private int placeholderEnd(int p) {
            p = skipWhitespace(p);
            int nameStart = p;
            if (p >= source.length() || !isNameStart(source.charAt(p))) {
                return -1;
            }
            p++;
            while (p < source.length() && isNamePart(source.charAt(p))) {
                p++;
                if (p - nameStart > MAX_NAME) {
                    return -1;
                }
            }
            int nameEnd = p;
            p = skipWhitespace(p);
            if (!source.startsWith("}}", p)) {
                return -1;
            }
            name = source.substring(nameStart, nameEnd);
            return p + 2;
        }

        private int skipWhitespace(int p) {
            if (p >= runStart && p < runEnd) {
                return runEnd;
            }
            int start = p;
            while (p < source.length() && Character.isWhitespace(source.charAt(p))) {
                p++;
            }
            if (p > start) {
                runStart = start;
                runEnd = p;
            }
            return p;
        }

        private void addVariable(String variable) {
            flushLiteral();
            segments.add(new Segment(variable, true));
            variables.add(variable);
            if (variables.size() > MAX_VARIABLES) {
                throw ValidationException.of("userPrompt", "too_many_variables", MAX_VARIABLES);
            }
        }

        private void flushLiteral() {
            if (literal.length() > 0) {
                segments.add(new Segment(literal.toString(), false));
                literal.setLength(0);
            }
        }

        private static boolean isNameStart(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
        }
    }
}

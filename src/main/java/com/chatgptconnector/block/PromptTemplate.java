package com.chatgptconnector.block;

import com.chatgptconnector.problem.ValidationException;
import com.chatgptconnector.problem.ValidationException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A block's user prompt with {@code {{variable}}} placeholders. It is split once into literal
 * and variable segments, and rendering only concatenates them: a value is inserted as plain text
 * and is never read as template syntax, so {@code {{other}}} inside a value stays as it is.
 * {@code \{{} writes a literal {@code {{}; anything that is not a valid placeholder is kept as text.
 */
public final class PromptTemplate {

    static final int MAX_TEMPLATE = 100_000;
    static final int MAX_VARIABLES = 100;
    static final int MAX_VALUE = 100_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

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
        List<Segment> segments = new ArrayList<>();
        Set<String> variables = new LinkedHashSet<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("\\{{", i)) {
                literal.append("{{");
                i += 3;
                continue;
            }
            if (source.startsWith("{{", i)) {
                int close = source.indexOf("}}", i + 2);
                String name = close < 0 ? null : source.substring(i + 2, close).strip();
                if (name != null && NAME.matcher(name).matches()) {
                    if (literal.length() > 0) {
                        segments.add(new Segment(literal.toString(), false));
                        literal.setLength(0);
                    }
                    segments.add(new Segment(name, true));
                    variables.add(name);
                    i = close + 2;
                    continue;
                }
            }
            literal.append(source.charAt(i));
            i++;
        }
        if (literal.length() > 0) {
            segments.add(new Segment(literal.toString(), false));
        }
        if (variables.size() > MAX_VARIABLES) {
            throw ValidationException.of("userPrompt", "too_many_variables", MAX_VARIABLES);
        }
        return new PromptTemplate(List.copyOf(segments), variables);
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
}

package com.chatgptconnector.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.chatgptconnector.problem.ValidationException;
import com.chatgptconnector.problem.ValidationException.Violation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptTemplateTest {

    private static String render(String template, Map<String, String> values) {
        return PromptTemplate.parse(template).render(values);
    }

    /** Field, code and arguments in one string, so a whole violation list compares exactly. */
    private static List<String> describe(ValidationException e) {
        return e.violations().stream()
                .map(v -> v.field() + ":" + v.code() + ":" + List.of(v.args()))
                .toList();
    }

    private static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void fillsOneVariable() {
        assertEquals("Hello, Anna!", render("Hello, {{name}}!", Map.of("name", "Anna")));
    }

    @Test
    void fillsSeveralVariables() {
        assertEquals("Translate 'Guten Tag' from de to en.",
                render("Translate '{{text}}' from {{from}} to {{to}}.",
                        Map.of("text", "Guten Tag", "from", "de", "to", "en")));
    }

    @Test
    void fillsEveryOccurrenceOfARepeatedVariable() {
        PromptTemplate t = PromptTemplate.parse("{{x}}-{{x}}-{{ x }}");
        assertEquals(List.of("x"), List.copyOf(t.variables()));
        assertEquals("ab-ab-ab", t.render(Map.of("x", "ab")));
    }

    @Test
    void acceptsSpacesInsideTheBraces() {
        assertEquals("[1] [2] [3]", render("[{{ a }}] [{{b  }}] [{{   c}}]", Map.of("a", "1", "b", "2", "c", "3")));
    }

    @Test
    void acceptsTheWholeNameAlphabet() {
        PromptTemplate t = PromptTemplate.parse("{{_a}} {{user.first-name_2}} {{Z9}}");
        assertEquals(List.of("_a", "user.first-name_2", "Z9"), List.copyOf(t.variables()));
        assertEquals("1 2 3", t.render(Map.of("_a", "1", "user.first-name_2", "2", "Z9", "3")));
    }

    @Test
    void namesAreCaseSensitive() {
        PromptTemplate t = PromptTemplate.parse("{{Name}}/{{name}}");
        assertEquals(List.of("Name", "name"), List.copyOf(t.variables()));
        assertEquals("A/b", t.render(Map.of("Name", "A", "name", "b")));
    }

    @Test
    void listsVariablesInOrderOfFirstAppearance() {
        PromptTemplate t = PromptTemplate.parse("{{c}} {{a}} {{c}} {{b}} {{a}}");
        assertEquals(List.of("c", "a", "b"), List.copyOf(t.variables()));
    }

    @Test
    void variablesCannotBeModified() {
        PromptTemplate t = PromptTemplate.parse("{{a}}");
        assertThrows(UnsupportedOperationException.class, () -> t.variables().add("b"));
        assertEquals("x", t.render(Map.of("a", "x")));
    }

    @Test
    void reportsAllMissingVariablesTogetherInTemplateOrder() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> render("{{c}} {{a}} {{b}} {{c}}", Map.of("a", "present")));
        assertEquals(List.of("variables.c:variable_missing:[c]", "variables.b:variable_missing:[b]"), describe(e));
    }

    @Test
    void nullMapAndNullValuesCountAsMissing() {
        ValidationException noMap = assertThrows(ValidationException.class, () -> render("{{a}}{{b}}", null));
        assertEquals(List.of("variables.a:variable_missing:[a]", "variables.b:variable_missing:[b]"), describe(noMap));

        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        withNull.put("b", "ok");
        ValidationException nullValue = assertThrows(ValidationException.class, () -> render("{{a}}{{b}}", withNull));
        assertEquals(List.of("variables.a:variable_missing:[a]"), describe(nullValue));
    }

    @Test
    void missingVariableCarriesTheNameAsArgument() {
        ValidationException e = assertThrows(ValidationException.class, () -> render("{{ topic }}", Map.of()));
        Violation v = e.violations().get(0);
        assertEquals("variables.topic", v.field());
        assertEquals("variable_missing", v.code());
        assertArrayEquals(new Object[] {"topic"}, v.args());
    }

    @Test
    void ignoresExtraValues() {
        assertEquals("only a", render("only {{a}}", Map.of("a", "a", "b", "unused", "secret", "not shown")));
    }

    @Test
    void allowsEmptyValues() {
        assertEquals("<>", render("<{{a}}>", Map.of("a", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{{secret}}",
        "{{ name }}",
        "{{name}}",
        "\\{{secret}}",
        "$1 and ${name} and $0",
        "back\\slash \\\\ \\n",
        ".*+?^$|()[]{}",
        "line1\nline2\r\n\tline3",
        "ünïcødé 日本語 😀 \u0000",
        "}}{{",
    })
    void valuesAppearVerbatimExactlyOnceAndAreNeverExpanded(String value) {
        String out = render("before {{name}} after", Map.of("name", value, "secret", "LEAKED"));
        assertEquals("before " + value + " after", out);
        assertEquals(1, occurrences(out, value));
        assertEquals(0, occurrences(out, "LEAKED"));
    }

    @Test
    void valuesReferencingEachOtherAreNotExpanded() {
        assertEquals("A {{y}} B {{x}}", render("A {{x}} B {{y}}", Map.of("x", "{{y}}", "y", "{{x}}")));
    }

    @Test
    void escapedBracesRenderAsLiteralBraces() {
        PromptTemplate t = PromptTemplate.parse("\\{{literal}} and {{real}}");
        assertEquals(List.of("real"), List.copyOf(t.variables()));
        assertEquals("{{literal}} and R", t.render(Map.of("real", "R", "literal", "ignored")));
    }

    @Test
    void escapeOnlyAppliesBeforeDoubleBraces() {
        assertEquals("C:\\path \\{ \\}}", render("C:\\path \\{ \\}}", Map.of()));
    }

    @Test
    void keepsInvalidPlaceholdersAsLiteralText() {
        String template = "{{ }} {{}} {{1abc}} {{a b}} {{-x}} {{ä}} {{ {{";
        PromptTemplate t = PromptTemplate.parse(template);
        assertEquals(List.of(), List.copyOf(t.variables()));
        assertEquals(template, t.render(Map.of()));
    }

    @Test
    void keepsTooLongNamesAsLiteralText() {
        String longest = "n" + "x".repeat(63);
        String tooLong = "n" + "x".repeat(64);
        PromptTemplate t = PromptTemplate.parse("{{" + longest + "}}|{{" + tooLong + "}}");
        assertEquals(List.of(longest), List.copyOf(t.variables()));
        assertEquals("ok|{{" + tooLong + "}}", t.render(Map.of(longest, "ok", tooLong, "no")));
    }

    @Test
    void keepsUnclosedBracesAsLiteralText() {
        assertEquals("Hi {{name", render("Hi {{name", Map.of("name", "x")));
        assertEquals("Hi {{name} and {x}", render("Hi {{name} and {x}", Map.of("name", "x")));
        assertEquals("{{open then V", render("{{open then {{v}}", Map.of("v", "V", "open", "O")));
    }

    @Test
    void extraBracesAroundAPlaceholderStayLiteral() {
        assertEquals("{V} {{{V}}}", render("{{{v}}} {{{{{v}}}}}", Map.of("v", "V")));
    }

    @Test
    void emptyAndNullTemplatesRenderEmpty() {
        assertEquals("", render("", Map.of()));
        assertEquals("", render("", null));
        assertEquals("", render(null, null));
        assertEquals(List.of(), List.copyOf(PromptTemplate.parse("").variables()));
    }

    @Test
    void templateWithoutVariablesRendersUnchanged() {
        String template = "Summarise the following text: {\"json\": [1, 2]} $1 \\ }}";
        PromptTemplate t = PromptTemplate.parse(template);
        assertEquals(List.of(), List.copyOf(t.variables()));
        assertEquals(template, t.render(null));
        assertEquals(template, t.render(Map.of("unused", "x")));
    }

    @Test
    void acceptsTheLargestTemplate() {
        String template = "{{a}}" + "x".repeat(100_000 - 5);
        assertEquals("A" + "x".repeat(100_000 - 5), render(template, Map.of("a", "A")));
    }

    @Test
    void rejectsTooLargeTemplates() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> PromptTemplate.parse("x".repeat(100_001)));
        assertEquals(List.of("userPrompt:template_too_large:[100000]"), describe(e));
    }

    @Test
    void acceptsOneHundredVariablesButNotOneMore() {
        StringBuilder hundred = new StringBuilder();
        Map<String, String> values = new HashMap<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            hundred.append("{{v").append(i).append("}}{{v").append(i).append("}}");
            values.put("v" + i, Integer.toString(i));
            expected.append(i).append(i);
        }
        PromptTemplate t = PromptTemplate.parse(hundred.toString());
        assertEquals(100, t.variables().size());
        assertEquals(expected.toString(), t.render(values));

        ValidationException e = assertThrows(ValidationException.class,
                () -> PromptTemplate.parse(hundred + "{{v100}}"));
        assertEquals(List.of("userPrompt:too_many_variables:[100]"), describe(e));
    }

    @Test
    void acceptsTheLongestValueAndRejectsLonger() {
        String longest = "v".repeat(100_000);
        assertEquals("[" + longest + "]", render("[{{a}}]", Map.of("a", longest)));

        ValidationException e = assertThrows(ValidationException.class,
                () -> render("{{a}}{{b}}{{c}}", Map.of("a", "x".repeat(100_001), "c", "y".repeat(100_001))));
        assertEquals(List.of(
                "variables.a:variable_too_long:[100000]",
                "variables.b:variable_missing:[b]",
                "variables.c:variable_too_long:[100000]"), describe(e));
    }

    /** Prompts are parsed on every block listing, so hostile brace runs must stay linear. */
    @Test
    void parsesPathologicalBraceRunsQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            String braces = "{".repeat(100_000);
            assertEquals(braces, render(braces, Map.of()));
            String closedAtEnd = "{".repeat(99_998) + "}}";
            assertEquals(closedAtEnd, render(closedAtEnd, Map.of()));
            String spaces = "{{".repeat(1_000) + " ".repeat(97_000) + "x";
            assertEquals(spaces, render(spaces, Map.of()));
            String spacedName = "{{" + " ".repeat(49_990) + "v" + " ".repeat(49_990) + "}}";
            assertEquals("V", render(spacedName, Map.of("v", "V")));
        });
    }
}

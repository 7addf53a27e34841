package com.chatgptconnector.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.chatgptconnector.problem.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void fillsVariablesInOrderOfAppearance() {
        PromptTemplate t = PromptTemplate.parse("Hi {{name}}, {{ city }} says {{name}}.");
        assertEquals(List.of("name", "city"), List.copyOf(t.variables()));
        assertEquals("Hi Anna, Köln says Anna.", t.render(Map.of("name", "Anna", "city", "Köln", "unused", "x")));
    }

    @Test
    void reportsEveryMissingVariableTogether() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> PromptTemplate.parse("{{a}} {{b}} {{c}}").render(Map.of("b", "")));
        assertEquals(List.of("variables.a:variable_missing", "variables.c:variable_missing"),
                e.violations().stream().map(v -> v.field() + ":" + v.code()).toList());
    }

    @Test
    void valuesAreTextNeverTemplateSyntax() {
        PromptTemplate t = PromptTemplate.parse("A {{x}} B {{y}}");
        String tricky = "{{y}} \\{{y}} $1 \\ .* \n ü";
        assertEquals("A " + tricky + " B {{x}}", t.render(Map.of("x", tricky, "y", "{{x}}")));
    }

    @Test
    void escapesAndInvalidPlaceholdersStayLiteral() {
        assertEquals("{{literal}} {{1abc}} {{ }} {{open", PromptTemplate.parse("\\{{literal}} {{1abc}} {{ }} {{open").render(Map.of()));
        assertEquals("", PromptTemplate.parse("").render(null));
    }

    @Test
    void limitsSizes() {
        assertThrows(ValidationException.class, () -> PromptTemplate.parse("x".repeat(100_001)));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            many.append("{{v").append(i).append("}}");
        }
        assertThrows(ValidationException.class, () -> PromptTemplate.parse(many.toString()));
        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> PromptTemplate.parse("{{v}}").render(Map.of("v", "x".repeat(100_001))));
        assertEquals("variable_too_long", tooLong.violations().get(0).code());
    }
}

package dev.fapiaoflow.review;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One input of a task's deployed Camunda Form, so the app's task page asks for exactly what Tasklist asks for.
 * Only the input components are read (text blocks are Tasklist's); {@code required} means "required when shown":
 * conditions are left to the process, whose task listeners refuse an incomplete decision.
 */
public record TaskFormField(String key, String label, String type, boolean required, Integer maxLength,
        List<Option> options) {

    public record Option(String value, String label) {
    }

    static List<TaskFormField> of(JsonNode form) {
        List<TaskFormField> fields = new ArrayList<>();
        for (JsonNode component : form.path("components")) {
            String key = component.path("key").asText(null);
            if (key == null) {
                continue;
            }
            List<Option> options = new ArrayList<>();
            component.path("values").forEach(v -> options.add(new Option(v.path("value").asText(), v.path("label").asText())));
            JsonNode validate = component.path("validate");
            fields.add(new TaskFormField(key, component.path("label").asText(key), component.path("type").asText("textfield"),
                    validate.path("required").asBoolean(false),
                    validate.has("maxLength") ? validate.path("maxLength").asInt() : null, List.copyOf(options)));
        }
        return List.copyOf(fields);
    }

    public boolean hasOptions() {
        return !options.isEmpty();
    }
}

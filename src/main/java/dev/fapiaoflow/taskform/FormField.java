package dev.fapiaoflow.taskform;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One field a task's form declares: its variable name, the kind of value it takes, and, for a choice, the values
 * it offers. Read from a Camunda Form (JSON, form-js components) or from {@code camunda:formData}.
 */
record FormField(String key, Kind kind, Set<String> options, Integer maxLength) {

    enum Kind {
        TEXT, NUMBER, BOOLEAN, DATE, LIST
    }

    /** form-js component types whose value is not a plain text */
    private static final Set<String> NOT_INPUTS = Set.of("text", "html", "image", "button", "separator", "spacer",
            "iframe", "table", "group", "documentPreview");

    /** the input fields of a Camunda Form, also those inside groups */
    static List<FormField> ofCamundaForm(JsonNode form) {
        List<FormField> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return List.copyOf(fields);
    }

    private static void collect(JsonNode components, List<FormField> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("textfield");
            String key = component.path("key").asText(null);
            if (key != null && !NOT_INPUTS.contains(type)) {
                fields.add(new FormField(key, kindOf(type), options(component), maxLength(component)));
            }
            if (!"dynamiclist".equals(type)) { // a dynamic list's children are entries of its own (JSON) value
                collect(component.path("components"), fields);
            }
        }
    }

    private static Kind kindOf(String componentType) {
        return switch (componentType) {
            case "number" -> Kind.NUMBER;
            case "checkbox" -> Kind.BOOLEAN;
            case "checklist", "taglist", "dynamiclist" -> Kind.LIST;
            default -> Kind.TEXT; // textfield, textarea, radio, select, datetime (an ISO text) and the like
        };
    }

    /** static choices only; a choice fed from a variable ({@code valuesKey}) is not checked value by value */
    private static Set<String> options(JsonNode component) {
        if (!component.has("values")) {
            return Set.of();
        }
        List<String> values = new ArrayList<>();
        component.path("values").forEach(value -> values.add(value.path("value").asText()));
        return Set.copyOf(values);
    }

    private static Integer maxLength(JsonNode component) {
        JsonNode max = component.path("validate").path("maxLength");
        return max.isNumber() ? max.asInt() : null;
    }

    /** a field of a generated form ({@code camunda:formData}) */
    static FormField ofFormData(org.camunda.bpm.engine.form.FormField field) {
        Kind kind = switch (field.getTypeName()) {
            case "long" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "date" -> Kind.DATE;
            default -> Kind.TEXT;
        };
        Set<String> options = Set.of();
        if ("enum".equals(field.getTypeName()) && field.getType().getInformation("values") instanceof java.util.Map<?, ?> values) {
            options = values.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        return new FormField(field.getId(), kind, options, null);
    }

    /** why this value does not fit the field, or null when it does; null values always fit (a hidden field) */
    String misfit(TypedValue value) {
        ValueType type = value.getType();
        if (type == ValueType.NULL || type != null && type.isPrimitiveValueType() && value.getValue() == null) {
            return null;
        }
        if (type != null && !type.isPrimitiveValueType()) {
            // serialized values (Json, Object, File): only list-valued fields take them
            return kind == Kind.LIST ? null : "must be " + expected() + ", was a serialized " + type.getName() + " value";
        }
        Object raw = value.getValue();
        if (raw == null) {
            return null;
        }
        boolean fits = switch (kind) {
            case TEXT -> raw instanceof String;
            case NUMBER -> raw instanceof Number;
            case BOOLEAN -> raw instanceof Boolean;
            case DATE -> raw instanceof Date || raw instanceof String; // a generated form's date is a formatted text
            case LIST -> raw instanceof List<?>;
        };
        if (!fits) {
            return "must be " + expected() + ", was " + raw.getClass().getSimpleName();
        }
        if (raw instanceof String text) {
            if (!options.isEmpty() && !options.contains(text)) {
                return "must be one of " + options.stream().sorted().toList() + ", was " + text;
            }
            if (maxLength != null && text.length() > maxLength) {
                return "must be at most " + maxLength + " characters long";
            }
        }
        return null;
    }

    private String expected() {
        return switch (kind) {
            case TEXT -> "a text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date";
            case LIST -> "a list";
        };
    }
}

package dev.fapiaoflow.taskform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** Which values each kind of form field takes: the types a completion must respect, whatever door it comes through. */
class FormFieldTest {

    private static final String FORM = """
            {"components":[
              {"type":"text","text":"# intro"},
              {"type":"radio","key":"decision","values":[{"label":"A","value":"approve"},{"label":"R","value":"reject"}]},
              {"type":"textarea","key":"comment","validate":{"maxLength":5}},
              {"type":"group","components":[{"type":"number","key":"copies"},{"type":"checkbox","key":"urgent"}]},
              {"type":"checklist","key":"documents","values":[{"label":"PDF","value":"pdf"}]},
              {"type":"button","key":"submit"}
            ]}""";

    private final List<FormField> fields = FormField.ofCamundaForm(read(FORM));

    @Test
    void readsTheInputsAlsoInsideGroupsAndSkipsTextsAndButtons() {
        assertThat(fields).extracting(FormField::key).containsExactly("decision", "comment", "copies", "urgent", "documents");
    }

    @Test
    void aChoiceTakesOnlyTheValuesItOffersAndATextOnlyUpToItsLength() {
        assertThat(field("decision").misfit(Variables.stringValue("approve"))).isNull();
        assertThat(field("decision").misfit(Variables.untypedValue("approve!"))).isEqualTo("must be one of [approve, reject], was approve!");
        assertThat(field("decision").misfit(Variables.untypedValue(true))).isEqualTo("must be a text, was Boolean");
        assertThat(field("comment").misfit(Variables.stringValue("123456"))).isEqualTo("must be at most 5 characters long");
    }

    @Test
    void numbersBooleansAndListsKeepTheirTypes() {
        assertThat(field("copies").misfit(Variables.longValue(2L))).isNull();
        assertThat(field("copies").misfit(Variables.stringValue("2"))).isEqualTo("must be a number, was String");
        assertThat(field("urgent").misfit(Variables.booleanValue(true))).isNull();
        assertThat(field("urgent").misfit(Variables.stringValue("true"))).isEqualTo("must be true or false, was String");
        assertThat(field("documents").misfit(Variables.serializedObjectValue("[\"pdf\"]")
                .serializationDataFormat("application/json").create())).isNull();
        assertThat(field("comment").misfit(Variables.serializedObjectValue("{}").serializationDataFormat("application/json")
                .create())).isEqualTo("must be a text, was a serialized object value");
    }

    @Test
    void aMissingValueFitsEveryField() {
        assertThat(fields).allSatisfy(field -> {
            assertThat(field.misfit(Variables.untypedNullValue())).isNull();
            assertThat(field.misfit(Variables.stringValue(null))).isNull();
        });
    }

    private FormField field(String key) {
        return fields.stream().filter(field -> field.key().equals(key)).findFirst().orElseThrow();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.delivery.OutboxStatus;
import dev.fapiaoflow.dispute.DisputeStatus;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceStatus;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.request.RequestStatus;

/** Both languages know every key, and every status code and task name the pages show has its words in both. */
class MessageBundlesTest {

    private final Properties chinese = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() {
        Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(chinese.stringPropertyNames());

        assertThat(onlyChinese).as("keys missing in messages_en.properties").isEmpty();
        assertThat(onlyEnglish).as("keys missing in messages.properties").isEmpty();
    }

    /** a key appended twice silently replaces the first one's words wherever they are used */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            List<String> keys = Files.readAllLines(Path.of("src/main/resources", name), StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                    .map(line -> line.substring(0, line.indexOf('=')).strip()).toList();
            Set<String> seen = new TreeSet<>();
            assertThat(keys.stream().filter(key -> !seen.add(key)).toList()).as("keys defined twice in " + name).isEmpty();
        }
    }

    @Test
    void everyStatusCodeThePagesShowHasWordsInBothLanguages() {
        assertWords("invoice.status", InvoiceStatus.values());
        assertWords("invoice.kind", InvoiceKind.values());
        assertWords("type", InvoiceType.values());
        assertWords("status", RequestStatus.values());
        assertWords("dispute.status", DisputeStatus.values());
        assertWords("outbox.status", OutboxStatus.values());
        assertWords("taxpayerKind", TaxpayerKind.values());
        // the outputs of dmn/dispute-recommendation.dmn
        assertWords("dispute.action", "resend", "correct", "reject", "escalate");
    }

    @Test
    void everyUserTaskOfTheShippedModelsHasANameInBothLanguages() throws IOException {
        Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"");
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            models = files.filter(file -> file.toString().endsWith(".bpmn")).toList();
        }
        assertThat(models).isNotEmpty();
        for (Path model : models) {
            Matcher task = userTask.matcher(Files.readString(model));
            while (task.find()) {
                assertWords("task.name", task.group(1));
            }
        }
    }

    private void assertWords(String group, Object... codes) {
        Arrays.stream(codes).map(code -> group + "." + code).forEach(key -> {
            assertThat(chinese.getProperty(key)).as("Chinese words for %s", key).isNotBlank();
            assertThat(english.getProperty(key)).as("English words for %s", key).isNotBlank();
        });
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
        return properties;
    }
}

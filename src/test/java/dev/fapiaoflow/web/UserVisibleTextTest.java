package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Words a user reads come from messages.properties / messages_en.properties, so that an answer is in one language.
 * This fails on a string literal in src/main/java that holds Chinese, or an English sentence handed to something a
 * user reads (a ProblemDetail, a field error, a page notice, a mail), unless the file is in
 * {@code src/test/resources/i18n/java-text-allowlist.txt} with the exact number of such literals and the reason they
 * are not bundle text (wording printed on tax documents, demo data, names of another system's objects). The counts
 * are exact in both directions, so the list always says what is left.
 */
class UserVisibleTextTest {

    private static final Path SOURCES = Path.of(System.getProperty("text.scan.root", "src/main/java"));
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** three or more words of letters: a sentence, not a code, a field name or a single-word title */
    private static final Pattern ENGLISH_SENTENCE = Pattern.compile("[A-Za-z]{2,}[,:;]?( +[A-Za-z(][A-Za-z'),.:;-]*){2,}");
    private static final List<String> USER_VISIBLE_SINKS = List.of("new InvalidInputException(", "new ConflictException(",
            "new FieldError(", "setDetail(", "setTitle(", "forStatusAndDetail(", "addFlashAttribute(",
            "new OverloadedException(", "new BadCredentialsException(", "sendNotice(", "errors.add(", "problem(");

    @Test
    void userVisibleWordsAreBuiltFromTheBundlesOnly() throws IOException {
        Map<String, List<String>> found = scan();
        Map<String, Integer> allowed = allowlist();

        Map<String, String> wrong = new TreeMap<>();
        found.forEach((file, literals) -> {
            int expected = allowed.getOrDefault(file, 0);
            if (literals.size() != expected) {
                wrong.put(file, "allowlist says " + expected + ", found " + literals.size() + ": " + literals);
            }
        });
        allowed.forEach((file, expected) -> {
            if (!found.containsKey(file)) {
                wrong.put(file, "allowlist says " + expected + ", found none: remove the entry");
            }
        });
        int total = found.values().stream().mapToInt(List::size).sum();
        assertThat(wrong).as("""
                user-visible literals outside the bundles (%d in all): move them to messages*.properties and use \
                dev.fapiaoflow.shared.Texts, or, for wording that is no user's language choice, list the file with its \
                count and the reason in i18n/java-text-allowlist.txt""".formatted(total)).isEmpty();
    }

    @Test
    void theScannerSeesChineseAndEnglishSentencesButNotCodesOrComments() {
        String source = """
                class Example {
                    // 注释不算
                    /** 文档也不算 */
                    void f() {
                        throw new ConflictException("the order was already requested");
                        errors.add(new FieldError("email", "电子邮箱无效"));
                        log.info("this sentence goes to the log only");
                        String url = "https://example.com/a//b"; String code = "INVOICE_ISSUED";
                        char quote = '"'; String s = "\\"quoted 中\\"";
                    }
                }
                """;
        assertThat(userVisibleLiterals(source)).containsExactly(
                "5: the order was already requested", "6: 电子邮箱无效", "9: \\\"quoted 中\\\"");
    }

    private static Map<String, List<String>> scan() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> literals = userVisibleLiterals(Files.readString(file, StandardCharsets.UTF_8));
                if (!literals.isEmpty()) {
                    found.put(SOURCES.relativize(file).toString().replace('\\', '/'), literals);
                }
            }
        }
        return found;
    }

    /** string literals (with their line) that hold Chinese, or an English sentence given to a user-visible sink */
    static List<String> userVisibleLiterals(String source) {
        List<String> literals = new ArrayList<>();
        StringBuilder code = new StringBuilder(); // the source without comments, literals blanked: to find the sinks
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source.substring(i, end), '\n');
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                String text = source.substring(i + 3, Math.max(i + 3, end - 3));
                judge(text, line, code, literals);
                line += count(text, '\n');
                code.append("\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    judge(source.substring(i + 1, Math.min(j, source.length())), line, code, literals);
                    code.append("\"\"");
                }
                i = j + 1;
            } else {
                if (c == '\n') {
                    line++;
                }
                code.append(c);
                i++;
            }
        }
        return literals;
    }

    private static void judge(String text, int line, CharSequence codeBefore, List<String> literals) {
        if (CHINESE.matcher(text).find() || ENGLISH_SENTENCE.matcher(text).find() && inUserVisibleSink(codeBefore)) {
            literals.add(line + ": " + text);
        }
    }

    /** whether the statement the literal is part of hands text to a user */
    private static boolean inUserVisibleSink(CharSequence code) {
        int start = code.length();
        while (start > 0 && ";{}".indexOf(code.charAt(start - 1)) < 0) {
            start--;
        }
        String statement = code.subSequence(start, code.length()).toString();
        return USER_VISIBLE_SINKS.stream().anyMatch(statement::contains);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static Map<String, Integer> allowlist() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/i18n/java-text-allowlist.txt"))) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\|", 3))
                    .peek(parts -> assertThat(parts).as("path | count | reason").hasSize(3))
                    .peek(parts -> assertThat(parts[2].strip()).as("reason for " + parts[0]).isNotEmpty())
                    .collect(Collectors.toMap(parts -> parts[0].strip(), parts -> Integer.parseInt(parts[1].strip()),
                            (a, b) -> { throw new IllegalStateException("listed twice: " + a); }, TreeMap::new));
        }
    }
}

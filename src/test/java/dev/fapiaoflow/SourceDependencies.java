package dev.fapiaoflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dependencies between feature modules as the <em>source</em> states them. Spring Modulith and ArchUnit read
 * bytecode, where a {@code static final String} of another module has been inlined by the compiler and leaves no trace:
 * {@code @PreAuthorize("hasAuthority('" + Groups.ADMIN + "')")} depends on {@code security} in the source and on
 * nothing in the class file. Here every mention of {@code dev.fapiaoflow.<module>} outside comments and string literals
 * counts (imports, static imports, qualified names), so such a dependency cannot hide.
 */
final class SourceDependencies {

    private static final Pattern MODULE_REFERENCE = Pattern.compile("\\bdev\\.fapiaoflow\\.([a-z][a-z0-9_]*)\\b");

    /** module → the modules its sources mention, each with one file that mentions it (for the message) */
    private final Map<String, Map<String, Path>> edges = new TreeMap<>();

    private SourceDependencies() {
    }

    /** Reads every {@code .java} file under {@code root/dev/fapiaoflow/<module>/}. */
    static SourceDependencies of(Path sourceRoot) {
        Path base = sourceRoot.resolve("dev/fapiaoflow");
        SourceDependencies dependencies = new SourceDependencies();
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Path relative = base.relativize(file);
                if (relative.getNameCount() > 1) {
                    dependencies.read(relative.getName(0).toString(), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dependencies;
    }

    private void read(String module, Path file) {
        Map<String, Path> targets = edges.computeIfAbsent(module, m -> new TreeMap<>());
        Matcher matcher = MODULE_REFERENCE.matcher(code(file));
        while (matcher.find()) {
            String target = matcher.group(1);
            if (!target.equals(module)) {
                targets.putIfAbsent(target, file);
            }
        }
    }

    Set<String> dependenciesOf(String module) {
        return new TreeSet<>(edges.getOrDefault(module, Map.of()).keySet());
    }

    /** Each dependency cycle once, as "a → b → c → a" with the file behind each step. */
    List<String> cycles() {
        List<String> found = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (List<String> component : stronglyConnected()) {
            if (component.size() > 1) {
                List<String> cycle = cycleThrough(component);
                String key = String.join(",", new TreeSet<>(cycle));
                if (seen.add(key)) {
                    found.add(describe(cycle));
                }
            }
        }
        return found;
    }

    private String describe(List<String> cycle) {
        StringBuilder text = new StringBuilder(cycle.get(0));
        for (int i = 0; i < cycle.size(); i++) {
            String from = cycle.get(i);
            String to = cycle.get((i + 1) % cycle.size());
            text.append(" → ").append(to).append(" (").append(edges.get(from).get(to).getFileName()).append(')');
        }
        return text.toString();
    }

    /** a shortest cycle inside a strongly connected component, found by breadth-first search from its first module */
    private List<String> cycleThrough(List<String> component) {
        String start = component.get(0);
        Set<String> members = new TreeSet<>(component);
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String module = queue.removeFirst();
            for (String next : dependenciesOf(module)) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String step = module; step != null; step = cameFrom.get(step)) {
                        path.add(0, step);
                    }
                    return path;
                }
                if (members.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, module);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    /** Tarjan's strongly connected components over the module graph */
    private List<List<String>> stronglyConnected() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> components = new ArrayList<>();
        for (String module : edges.keySet()) {
            if (!index.containsKey(module)) {
                connect(module, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private void connect(String module, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, List<List<String>> components) {
        index.put(module, index.size());
        low.put(module, index.get(module));
        stack.push(module);
        onStack.add(module);
        for (String next : dependenciesOf(module)) {
            if (!index.containsKey(next)) {
                connect(next, index, low, stack, onStack, components);
                low.put(module, Math.min(low.get(module), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(module, Math.min(low.get(module), index.get(next)));
            }
        }
        if (low.get(module).equals(index.get(module))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(0, member);
            } while (!member.equals(module));
            components.add(component);
        }
    }

    /** the file's text with comments, string and character literals and text blocks blanked out */
    static String code(Path file) {
        try {
            return withoutCommentsAndLiterals(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withoutCommentsAndLiterals(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
                code.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}

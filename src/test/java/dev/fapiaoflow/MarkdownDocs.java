package dev.fapiaoflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the repository's Markdown the way GitHub renders it, as far as links are concerned: headings and their
 * anchors, and the relative links of the text outside code. Enough for README.md and docs/, no Markdown library.
 */
final class MarkdownDocs {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    /** [text](target) and ![alt](target), with an optional "title" */
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** [label]: target */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path root;

    MarkdownDocs(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** README.md and every Markdown file under docs/. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** Every relative link of the given files that does not resolve to a file (and anchor) inside the repository. */
    List<String> brokenLinks(List<Path> files) {
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            for (String target : links(read(file))) {
                String problem = problemOf(file, target);
                if (problem != null) {
                    broken.add(root.relativize(file) + ": " + target + " (" + problem + ")");
                }
            }
        }
        return broken;
    }

    private String problemOf(Path file, String target) {
        if (SCHEME.matcher(target).find()) {
            return null; // http:, https:, mailto: — not a relative link
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        Path resolved = path.isEmpty() ? file
                : (path.startsWith("/") ? root.resolve(path.substring(1)) : file.getParent().resolve(path)).normalize();
        if (!resolved.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
                && !anchors(read(resolved)).contains(anchor)) {
            return "no such heading";
        }
        return null;
    }

    /** The link targets of the text outside fenced code and code spans. */
    static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        for (String line : outsideCode(markdown)) {
            Matcher definition = REFERENCE_DEFINITION.matcher(line);
            if (definition.matches()) {
                targets.add(definition.group(1));
                continue;
            }
            Matcher link = INLINE_LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    /** The text of every heading outside fenced code, in order. */
    static List<String> headings(String markdown) {
        List<String> headings = new ArrayList<>();
        for (String line : outsideCode(markdown)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                headings.add(heading.group(1));
            }
        }
        return headings;
    }

    /** The anchors GitHub gives the headings (a repeated one gets -1, -2, …), and explicit HTML anchors. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String heading : headings(markdown)) {
            String slug = slug(heading);
            int times = seen.merge(slug, 1, Integer::sum);
            anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
        }
        Matcher html = HTML_ANCHOR.matcher(markdown);
        while (html.find()) {
            anchors.add(html.group(1));
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: link text only, lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    private static List<String> outsideCode(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

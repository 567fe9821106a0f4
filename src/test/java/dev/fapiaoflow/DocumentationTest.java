package dev.fapiaoflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README a front door and the docs honest: every relative link of README.md and docs/ resolves inside the
 * repository (file and heading), the README stays short, and headings name topics, never an issue or a session.
 */
class DocumentationTest {

    static final int README_MAX_LINES = 200;
    /** "issue", "issues", "#12", "session": reference is organised by topic, not by when it was built */
    static final Pattern HISTORY_HEADING = Pattern.compile("(?i)\\bissues?\\b|#\\d+|\\bsessions?\\b");

    private final MarkdownDocs docs = new MarkdownDocs(Path.of(""));

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolvesInsideTheRepository() {
        assertThat(docs.files()).hasSizeGreaterThan(1);
        assertThat(docs.brokenLinks(docs.files())).isEmpty();
    }

    @Test
    void theReadmeStaysAFrontDoorOfAtMost200Lines() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md")).size()).as("lines of README.md").isLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void noHeadingOfTheReadmeOrTheDocsNamesAnIssueOrASession() {
        List<String> named = new ArrayList<>();
        for (Path file : docs.files()) {
            MarkdownDocs.headings(MarkdownDocs.read(file)).stream()
                    .filter(heading -> HISTORY_HEADING.matcher(heading).find())
                    .forEach(heading -> named.add(file.getFileName() + ": " + heading));
        }
        assertThat(named).isEmpty();
    }

    // the checks themselves, on a repository made up for the purpose

    @Test
    void aLinkToAMissingFileAHeadingThatIsNotThereOrAFileOutsideTheRepositoryIsReported(@TempDir Path temp)
            throws IOException {
        Path repository = temp.resolve("repository");
        Path readme = write(repository, "README.md", """
                # Title
                [ok](docs/a.md#the-part-a-b) [ok too](docs/a.md) [web](https://example.com/x) [here](#title)
                [missing](docs/none.md) [no heading](docs/a.md#nothing) [outside](../elsewhere.md)
                `[in code](docs/none.md)`
                ```
                [in a fence](docs/none.md)
                ```
                """);
        write(repository, "docs/a.md", "# The part: a `b`\n");
        write(repository.getParent(), "elsewhere.md", "# Elsewhere\n");

        assertThat(new MarkdownDocs(repository).brokenLinks(List.of(readme))).containsExactly(
                "README.md: docs/none.md (no such file)",
                "README.md: docs/a.md#nothing (no such heading)",
                "README.md: ../elsewhere.md (outside the repository)");
    }

    @Test
    void headingsGetGithubsAnchorsWithRepeatsNumbered() {
        assertThat(MarkdownDocs.anchors("""
                # Batch verification (批量查验)
                ## Refusals over `/engine-rest`
                ## Cluster
                ## Cluster
                """)).containsExactly("batch-verification-批量查验", "refusals-over-engine-rest", "cluster", "cluster-1");
    }

    @Test
    void aHeadingNamedAfterAnIssueOrASessionIsCaught() {
        assertThat(List.of("Security (issue 6)", "Fixes from #12", "What session 3 built", "Open issues"))
                .allMatch(heading -> HISTORY_HEADING.matcher(heading).find());
        assertThat(List.of("Issuing through a third-party platform", "Issuance", "Logins and lockout"))
                .noneMatch(heading -> HISTORY_HEADING.matcher(heading).find());
    }

    private static Path write(Path directory, String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}

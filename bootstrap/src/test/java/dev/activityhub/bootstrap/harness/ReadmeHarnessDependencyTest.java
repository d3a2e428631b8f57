package dev.activityhub.bootstrap.harness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "From JUnit" section shows what really works: the Maven coordinates this build publishes, and the
 * example project's test word for word (ConsumerProjectIT runs that project against this build).
 */
class ReadmeHarnessDependencyTest {
    private static final String EXAMPLE = "examples/junit5-consumer/src/test/java/com/example/crm/LeadSyncTest.java";

    @Test
    void theMavenSnippetNamesThePublishedCoordinates() throws IOException {
        Path root = root();
        String parent = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
        String bootstrap = Files.readString(root.resolve("bootstrap/pom.xml"), StandardCharsets.UTF_8);
        String groupId = first(parent, "<groupId>([^<]+)</groupId>");
        String version = first(parent, "<artifactId>activityhub-parent</artifactId>\\s*<version>([^<]+)</version>");
        String artifactId = first(bootstrap, "</parent>.*?<artifactId>([^<]+)</artifactId>");
        String snippet = """
                <dependency>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <scope>test</scope>
                </dependency>""".formatted(groupId, artifactId, version);
        assertTrue(readme(root).contains(snippet), "README lacks\n" + snippet);

        String consumer = Files.readString(root.resolve("examples/junit5-consumer/pom.xml"), StandardCharsets.UTF_8);
        assertEquals(version, first(consumer, "<activityhub.version>([^<]+)</activityhub.version>"));
        assertTrue(consumer.contains("<groupId>" + groupId + "</groupId>\n      <artifactId>" + artifactId + "</artifactId>"),
                "the example project depends on " + groupId + ":" + artifactId);
    }

    @Test
    void theCompleteExampleIsTheExampleProjectsTest() throws IOException {
        Path root = root();
        String example = Files.readString(root.resolve(EXAMPLE), StandardCharsets.UTF_8);
        assertTrue(readme(root).contains("```java\n" + example + "```\n"), "README's complete example differs from " + EXAMPLE);
    }

    private static String readme(Path root) throws IOException {
        return Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    private static Path root() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("examples/junit5-consumer"))) {
                return dir;
            }
        }
        throw new IOException("README.md not found above " + Path.of("").toAbsolutePath());
    }
}

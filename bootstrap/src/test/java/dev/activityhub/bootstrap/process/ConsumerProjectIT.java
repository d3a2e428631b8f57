package dev.activityhub.bootstrap.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The harness as another team's test dependency: runs {@code examples/junit5-consumer} with Maven, offline,
 * against this build's jars and poms laid out as {@code mvn install} would publish them. The consumer gets a
 * local repository of its own (this build's {@code dev.activityhub} artifacts, everything else linked from the
 * real one), so the check never installs anything or needs the network.
 */
class ConsumerProjectIT {
    private static final List<String> MODULES = List.of("domain", "application", "adapters-http", "adapters-jdbc");

    @Test
    void theExampleConsumerProjectPassesAgainstThisBuild() throws Exception {
        String mavenHome = System.getProperty("maven.home", "");
        Path mvn = Path.of(mavenHome, "bin", "mvn");
        assumeTrue(!mavenHome.isBlank() && Files.isExecutable(mvn), "no Maven to run the consumer with");
        Path bootstrap = Path.of(System.getProperty("activityhub.module", "bootstrap")).toAbsolutePath();
        Path root = bootstrap.getParent();
        String version = System.getProperty("activityhub.version", "0.1.0-SNAPSHOT");
        Path work = bootstrap.resolve("target/consumer-it");
        deleteTree(work);

        Path repo = work.resolve("repo");
        linkEverythingButActivityHub(Path.of(System.getProperty("activityhub.localRepository",
                System.getProperty("user.home") + "/.m2/repository")), repo);
        publish(repo, "activityhub-parent", version, root.resolve("pom.xml"), null);
        for (String module : MODULES) {
            publish(repo, module, version, root.resolve(module + "/pom.xml"),
                    root.resolve(module + "/target/" + module + "-" + version + ".jar"));
        }
        // What install publishes: shade's reduced pom if it wrote one (it must not), else the module's own.
        Path reduced = bootstrap.resolve("dependency-reduced-pom.xml");
        publish(repo, "activityhub-harness", version,
                Files.exists(reduced) ? reduced : bootstrap.resolve("pom.xml"),
                bootstrap.resolve("target/activityhub-harness-" + version + ".jar"));

        Path project = work.resolve("project");
        copyTree(root.resolve("examples/junit5-consumer"), project);
        Path log = work.resolve("mvn.log");
        Process build = new ProcessBuilder(mvn.toString(), "-B", "-o", "-Dmaven.repo.local=" + repo,
                "-Dactivityhub.version=" + version, "-f", project.resolve("pom.xml").toString(), "test")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(5, TimeUnit.MINUTES)) {
            build.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, build.exitValue(), output);

        Path report = project.resolve("target/surefire-reports/TEST-com.example.crm.LeadSyncTest.xml");
        String testsuite = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(testsuite.contains("tests=\"2\"") && testsuite.contains("failures=\"0\"")
                && testsuite.contains("errors=\"0\"") && testsuite.contains("skipped=\"0\""), testsuite);
    }

    /** A repository whose entries are links into the real one, except dev/activityhub (this build's own). */
    private static void linkEverythingButActivityHub(Path real, Path repo) throws IOException {
        Files.createDirectories(repo.resolve("dev/activityhub"));
        try (Stream<Path> top = Files.list(real)) {
            for (Path entry : top.toList()) {
                if (!entry.getFileName().toString().equals("dev")) {
                    Files.createSymbolicLink(repo.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        Path dev = real.resolve("dev");
        if (Files.isDirectory(dev)) {
            try (Stream<Path> groups = Files.list(dev)) {
                for (Path group : groups.toList()) {
                    if (!group.getFileName().toString().equals("activityhub")) {
                        Files.createSymbolicLink(repo.resolve("dev").resolve(group.getFileName().toString()), group);
                    }
                }
            }
        }
    }

    private static void publish(Path repo, String artifactId, String version, Path pom, Path jar) throws IOException {
        Path dir = repo.resolve("dev/activityhub").resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"));
        if (jar != null) {
            assertTrue(Files.exists(jar), jar + " is missing: package the build first");
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Removes a directory without following its links (they point into the real repository). */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

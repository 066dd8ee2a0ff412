package org.epiflow.data.demo;

import org.epiflow.data.AppDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-user application-data folder and the first-run demo in it. */
class DemoLocatorTest {
    @TempDir
    Path dir;

    static Properties props(String os, String home) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        p.setProperty("user.home", home);
        return p;
    }

    @Test
    void appDataFolderFollowsEachPlatformsConvention() {
        assertThat(AppDirectories.dataHome(props("Linux", "/home/ana"), Map.of()))
                .isEqualTo(Path.of("/home/ana/.local/share/epiflow"));
        assertThat(AppDirectories.dataHome(props("Linux", "/home/ana"), Map.of("XDG_DATA_HOME", "/data/ana")))
                .isEqualTo(Path.of("/data/ana/epiflow"));
        assertThat(AppDirectories.dataHome(props("Linux", "/home/ana"), Map.of("XDG_DATA_HOME", "relative")))
                .as("a relative XDG_DATA_HOME is ignored").isEqualTo(Path.of("/home/ana/.local/share/epiflow"));
        assertThat(AppDirectories.dataHome(props("Mac OS X", "/Users/ana"), Map.of()))
                .isEqualTo(Path.of("/Users/ana/Library/Application Support/EpiFlow"));
        assertThat(AppDirectories.dataHome(props("Windows 11", "/home/ana"), Map.of("APPDATA", "/appdata")))
                .isEqualTo(Path.of("/appdata", "EpiFlow"));
        Properties overridden = props("Linux", "/home/ana");
        overridden.setProperty(AppDirectories.HOME_PROPERTY, dir.toString());
        assertThat(AppDirectories.dataHome(overridden, Map.of("XDG_DATA_HOME", "/data/ana"))).isEqualTo(dir);
    }

    @Test
    void theFolderIsCreatedOwnerOnly() throws Exception {
        Path home = AppDirectories.createOwnerOnly(dir.resolve("a").resolve("epiflow"));
        assertThat(home).isDirectory();
        if (Files.getFileStore(home).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        }
    }

    @Test
    void firstRunCreatesTheDemoAndLaterRunsFindIt() throws Exception {
        DemoLocator.Located first = DemoLocator.findOrCreate(dir, 3, 10);
        assertThat(first.created()).isTrue();
        assertThat(first.dir()).isEqualTo(dir.resolve("demo"));
        assertThat(first.bundle()).isRegularFile();
        assertThat(first.officerKey()).isRegularFile();
        assertThat(first.trustStore()).isRegularFile();
        long modified = Files.getLastModifiedTime(first.bundle()).toMillis();
        DemoLocator.Located second = DemoLocator.findOrCreate(dir, 3, 10);
        assertThat(second.created()).isFalse();
        assertThat(Files.getLastModifiedTime(second.bundle()).toMillis()).isEqualTo(modified);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("demo");
        }
    }

    @Test
    void anIncompleteDemoIsMovedAsideAndRemade() throws Exception {
        Path demo = Files.createDirectories(dir.resolve("demo"));
        Files.writeString(demo.resolve("cases.csv"), "date,region,cases\n");
        DemoLocator.Located located = DemoLocator.findOrCreate(dir, 3, 10);
        assertThat(located.created()).isTrue();
        assertThat(DemoInstaller.isComplete(located.dir())).isTrue();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("demo.incomplete-")).contains("demo").hasSize(2);
        }
    }
}

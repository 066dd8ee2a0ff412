package org.epiflow;

import org.epiflow.ui.LaunchArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which arguments start the desktop app (what a double-click on a bundle passes) and which the command line. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void desktopForNoArgumentsOpenOrBundleFiles() throws Exception {
        Path bundle = Files.createFile(dir.resolve("Week 23.EPIFLOW"));
        assertThat(LaunchArguments.isDesktop(new String[0])).isTrue();
        assertThat(LaunchArguments.isDesktop(new String[] {"--open", "x.epiflow"})).isTrue();
        assertThat(LaunchArguments.isDesktop(new String[] {bundle.toString()})).isTrue();
        assertThat(LaunchArguments.bundles(java.util.List.of(bundle.toString()))).containsExactly(bundle);
    }

    @Test
    void commandLineOtherwise() {
        assertThat(LaunchArguments.isDesktop(new String[] {"verify", "x.epiflow"})).isFalse();
        assertThat(LaunchArguments.isDesktop(new String[] {"--help"})).isFalse();
        assertThat(LaunchArguments.isDesktop(new String[] {"inspect"})).isFalse();
        assertThat(LaunchArguments.isDesktop(new String[] {"missing.epiflow"})).isFalse();
    }
}

package org.epiflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void desktopForNoArgumentsOpenOrABundleFile() {
        assertThat(Main.startsDesktop(new String[0])).isTrue();
        assertThat(Main.startsDesktop(new String[] {"--open", "x.epiflow"})).isTrue();
        assertThat(Main.startsDesktop(new String[] {"/home/a/Week 23.EPIFLOW"})).isTrue();
    }

    @Test
    void commandLineOtherwise() {
        assertThat(Main.startsDesktop(new String[] {"verify", "x.epiflow"})).isFalse();
        assertThat(Main.startsDesktop(new String[] {"--help"})).isFalse();
        assertThat(Main.startsDesktop(new String[] {"inspect"})).isFalse();
    }
}

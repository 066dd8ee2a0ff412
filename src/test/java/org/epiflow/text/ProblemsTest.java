package org.epiflow.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {
    static final class Own extends Exception implements Localized {
        @Override
        public Message message() {
            return Message.of("common.error.truncated");
        }
    }

    @Test
    void aFailuresOwnMessageWinsEvenWrapped() {
        Exception wrapped = new ExecutionException(new RuntimeException(new Own()));
        assertThat(Problems.of(wrapped).key()).isEqualTo("common.error.truncated");
        assertThat(Texts.inChinese().format(Problems.of(wrapped))).isEqualTo("文件提前结束：内容不完整或已损坏。");
    }

    @Test
    void fileSystemFailuresInPlainWords() {
        assertThat(Texts.inChinese().format(Problems.of(new NoSuchFileException("/a/b.csv"))))
                .isEqualTo("文件 /a/b.csv 不存在。");
        assertThat(Texts.inChinese().format(Problems.of(new ExecutionException(new AccessDeniedException("/a")))))
                .isEqualTo("您没有读取或写入 /a 的权限。");
        assertThat(Problems.of(new IOException("disk on fire")).english()).contains("disk on fire");
        assertThat(Problems.of(null).key()).isEqualTo("common.error.unknown");
    }

    @Test
    void aReasonIsTheFailuresWordsWhenItHasNoMessage() {
        assertThat(Problems.reason(new IllegalArgumentException("page too small")).english())
                .isEqualTo("page too small");
        assertThat(Problems.reason(new Own()).key()).isEqualTo("common.error.truncated");
        assertThat(Problems.of(new IllegalStateException("boom")).english()).startsWith("An unexpected error");
    }

    @Test
    void listArgumentsAreJoinedInTheLanguage() {
        assertThat(Texts.inChinese().get("common.quoted", java.util.List.of("a", Message.of("common.yes"))))
                .isEqualTo("“a、是”");
        assertThat(Texts.inEnglish().get("common.quoted", java.util.List.of("a", "b"))).isEqualTo("“a, b”");
    }
}

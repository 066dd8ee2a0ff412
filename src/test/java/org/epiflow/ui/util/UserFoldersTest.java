package org.epiflow.ui.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserFoldersTest {
    @TempDir
    Path home;

    @Test
    void theDesktopsOwnDocumentsFolderIsUsedAChineseOneToo() throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), """
                # written by xdg-user-dirs-update
                XDG_DESKTOP_DIR="$HOME/桌面"
                XDG_DOCUMENTS_DIR="$HOME/文档"
                """, StandardCharsets.UTF_8);
        Files.createDirectories(home.resolve("文档"));
        assertThat(UserFolders.documents(home, Map.of())).isEqualTo(home.resolve("文档"));
    }

    @Test
    void withoutADocumentsFolderTheHomeFolder() {
        assertThat(UserFolders.documents(home, Map.of())).isEqualTo(home);
    }

    @Test
    void anEnglishDocumentsFolderWithoutTheXdgFile() throws Exception {
        Files.createDirectories(home.resolve("Documents"));
        assertThat(UserFolders.documents(home, Map.of("XDG_CONFIG_HOME", home.resolve("nowhere").toString())))
                .isEqualTo(home.resolve("Documents"));
    }

    @Test
    void aFileChooserNeverStartsInTheProgramsFolder() {
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(FxFileChooserService.startIn(null)).isEqualTo(UserFolders.documents());
        assertThat(FxFileChooserService.startIn(Path.of("epiflow-2020-01-20.png"))).isEqualTo(UserFolders.documents());
        assertThat(FxFileChooserService.startIn(home.resolve("x.png"))).isEqualTo(home);
        assertThat(FxFileChooserService.startIn(home.resolve("gone/x.png"))).isEqualTo(UserFolders.documents());
        assertThat(UserFolders.documents()).isNotEqualTo(cwd);
    }
}

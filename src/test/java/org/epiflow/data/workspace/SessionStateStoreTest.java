package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session document: saved MAC'd and on disk, versioned, replaced, and never returned when damaged. */
class SessionStateStoreTest {
    @TempDir
    Path tmp;

    @Test
    void savesLoadsReplacesAndClearsAVersionedDocument() throws Exception {
        Path dir = tmp.resolve("ws");
        try (AgeIdentity officer = AgeIdentity.generate()) {
            try (Workspace ws = Workspace.open(dir, officer)) {
                assertThat(ws.sessionState().load("desktop")).isEmpty();
                ws.sessionState().save("desktop", 1, "{\"open\":[\"a/b/c\"],\"shown\":0}");
                ws.sessionState().save("desktop", 2, "{\"open\":[\"a/b/c\",\"d/e/f\"],\"shown\":1}");
                ws.sessionState().save("other", 1, "{}");
                assertThatThrownBy(() -> ws.sessionState().save("desktop", 1, "[1]"))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> ws.sessionState().save("desktop", 1, "{\"x\":\"" + "y".repeat(
                        SessionStateStore.MAX_DOCUMENT) + "\"}")).isInstanceOf(IllegalArgumentException.class);
            }
            try (Workspace ws = Workspace.open(dir, officer)) {
                SessionStateStore.SessionState s = ws.sessionState().load("desktop").orElseThrow();
                assertThat(s.formatVersion()).isEqualTo(2);
                assertThat(s.json()).contains("d/e/f");
                assertThat(s.updated()).isNotNull();
                ws.sessionState().clear("other");
                assertThat(ws.sessionState().load("other")).isEmpty();
                assertThat(ws.check().ok()).isTrue();
                assertThat(ws.audit().entries()).noneMatch(e -> e.details().contains("d/e/f"));
            }
            try (Connection c = WorkspaceTesting.rawConnection(dir, officer); Statement st = c.createStatement()) {
                st.execute("UPDATE session_state SET document = '{\"open\":[\"x/y/z\"]}' WHERE name = 'desktop'");
                st.execute("SHUTDOWN");
            }
            try (Workspace ws = Workspace.open(dir, officer)) {
                assertThat(ws.sessionState().load("desktop")).as("a changed document is not returned").isEmpty();
                assertThat(ws.damage()).singleElement().satisfies(d -> {
                    assertThat(d.area()).isEqualTo(Damage.Area.SESSION_STATE);
                    assertThat(d.message().english()).contains("the saved session").contains("starts with nothing");
                });
                ws.sessionState().save("desktop", 3, "{\"open\":[]}");
                assertThat(ws.sessionState().load("desktop").orElseThrow().formatVersion()).isEqualTo(3);
            }
        }
    }
}

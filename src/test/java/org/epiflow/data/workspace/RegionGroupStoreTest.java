package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.RegionGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Region groups kept in the encrypted, MAC'd workspace; one reading of the document only; damage not returned. */
class RegionGroupStoreTest {
    @TempDir
    Path tmp;

    static final RegionGroup NEIGHBOURS = new RegionGroup("Our neighbours 邻市", List.of("420100", "430100"));
    static final RegionGroup CASES = new RegionGroup("Areas with cases", List.of("110100", "440100", "310100"));

    @Test
    void savesAcrossReopeningReplacesByNameAndRemoves() throws Exception {
        Path dir = tmp.resolve("ws");
        try (AgeIdentity officer = AgeIdentity.generate()) {
            try (Workspace ws = Workspace.open(dir, officer)) {
                assertThat(ws.regionGroups().list()).isEmpty();
                ws.regionGroups().put(NEIGHBOURS);
                ws.regionGroups().put(CASES);
                ws.regionGroups().put(new RegionGroup(NEIGHBOURS.name(), List.of("420100", "420200")));
            }
            try (Workspace ws = Workspace.open(dir, officer)) {
                assertThat(ws.regionGroups().list()).containsExactly(CASES,
                        new RegionGroup(NEIGHBOURS.name(), List.of("420100", "420200")));
                assertThat(ws.regionGroups().remove(CASES.name())).isTrue();
                assertThat(ws.regionGroups().remove("nobody")).isFalse();
                assertThat(ws.regionGroups().list()).extracting(RegionGroup::name).containsExactly(NEIGHBOURS.name());
                assertThat(ws.check().ok()).isTrue();
            }
            try (Connection c = WorkspaceTesting.rawConnection(dir, officer); Statement st = c.createStatement()) {
                st.execute("UPDATE session_state SET document = REPLACE(document, '420200', '110100') WHERE name = '"
                        + RegionGroupStore.DOCUMENT + "'");
                st.execute("SHUTDOWN");
            }
            try (Workspace ws = Workspace.open(dir, officer)) {
                assertThat(ws.regionGroups().list()).as("a changed document is not returned").isEmpty();
                assertThat(ws.damage()).isNotEmpty();
            }
        }
    }

    @Test
    void refusesGroupsThatAreWrongOnTheirOwn() {
        assertThat(RegionGroupStore.check(List.of(NEIGHBOURS, CASES))).isNull();
        assertThat(RegionGroupStore.check(List.of(new RegionGroup(" ", List.of("1")))).key())
                .isEqualTo("data.group.noName");
        assertThat(RegionGroupStore.check(List.of(NEIGHBOURS, NEIGHBOURS)).key()).isEqualTo("data.group.duplicateName");
        assertThat(RegionGroupStore.check(List.of(new RegionGroup("x", List.of()))).key()).isEqualTo("data.group.empty");
        assertThat(RegionGroupStore.check(List.of(new RegionGroup("x", List.of("42 01")))).key())
                .isEqualTo("data.group.badCode");
        assertThat(RegionGroupStore.check(List.of(new RegionGroup("a\u202Eb", List.of("1")))).key())
                .isEqualTo("data.group.badName");
    }

    @Test
    void theDocumentHasOneReadingOnly() {
        String good = "{\"format\":\"epiflow-region-groups\",\"version\":1,\"groups\":[{\"name\":\"a\",\"codes\":[\"1\"]}]}";
        assertThat(parses(1, good)).isTrue();
        assertThat(parses(2, good)).as("another layout version").isFalse();
        assertThat(parses(1, good.replace("\"groups\"", "\"extra\":1,\"groups\""))).as("unknown field").isFalse();
        assertThat(parses(1, good.replace("{\"name\":\"a\",", "{\"name\":\"a\",\"name\":\"b\","))).as("twice")
                .isFalse();
        assertThat(parses(1, good.replace("[\"1\"]", "[1]"))).as("a number is not a code").isFalse();
        assertThat(parses(1, good.replace("epiflow-region-groups", "other"))).isFalse();
        assertThat(parses(1, "[]")).isFalse();
        assertThatThrownBy(() -> RegionGroupStore.parse(1, "{")).isInstanceOf(WorkspaceException.class);
    }

    private static boolean parses(int version, String json) {
        try {
            RegionGroupStore.parse(version, json);
            return true;
        } catch (WorkspaceException e) {
            return false;
        }
    }
}

package org.epiflow.ui.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.epiflow.data.workspace.BundleCatalogue;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.ui.risk.RiskPanelState;

import java.time.LocalDate;
import java.util.List;

/**
 * The desktop's session document ({@link WorkspaceSession#SESSION_DOCUMENT} in the workspace's
 * {@code SessionStateStore}): what was open and shown, so that the workstation returns to it after Lock → Unlock and
 * after a restart. References and settings only — the catalogue key of each open bundle (signer, bundle id, payload
 * hash), its file and expiry date, the view ({@link ViewDefinition}: dates, filters, extent, selection, layers), and
 * the risk panel ({@link RiskPanelState}: the id of the imported case table in the workspace, the form of the last
 * runs, the heatmap's settings). No figure of any bundle is in it; the tables come back from the encrypted cache,
 * the results by running the models again.
 *
 * @param format  always {@value #FORMAT}
 * @param version {@value #VERSION}
 * @param bundles the open bundles, in the order they were opened
 * @param shown   catalogue key of the bundle shown (null: none)
 * @param view    the view of the bundle shown (a saved view's JSON object; null: none)
 * @param risk    the risk panel on the bundle shown (null: empty)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionDocument(@JsonProperty(value = "format", required = true) String format,
                              @JsonProperty(value = "version", required = true) int version,
                              @JsonProperty("bundles") List<OpenBundle> bundles,
                              @JsonProperty("shown") String shown,
                              @JsonProperty("view") JsonNode view,
                              @JsonProperty("risk") RiskPanelState risk) {
    public static final String FORMAT = "epiflow-session";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public SessionDocument {
        if (!FORMAT.equals(format) || version != VERSION) {
            throw new IllegalArgumentException("not a session document of version " + VERSION);
        }
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
    }

    /**
     * One open bundle.
     *
     * @param key     its catalogue key ({@link BundleCatalogue.Key#toString()})
     * @param file    the file it was opened from (to open it from there if it is no longer cached)
     * @param issuer  who issued it (to name it when it is not reopened)
     * @param expires its expiry date (an expired bundle is not reopened)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenBundle(@JsonProperty(value = "key", required = true) String key,
                             @JsonProperty("file") String file,
                             @JsonProperty("issuer") String issuer,
                             @JsonProperty("expires") LocalDate expires) {
        public OpenBundle {
            BundleCatalogue.Key.parse(key);
        }

        public BundleCatalogue.Key catalogueKey() {
            return BundleCatalogue.Key.parse(key);
        }
    }

    static SessionDocument of(List<OpenBundle> bundles, String shown, ViewDefinition view, RiskPanelState risk) {
        JsonNode v;
        try {
            v = view == null ? null : JSON.readTree(view.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new SessionDocument(FORMAT, VERSION, bundles, shown, v, risk);
    }

    /** The view of the bundle shown, or null (also when it cannot be read: the rest still comes back). */
    ViewDefinition viewDefinition() {
        if (view == null || view.isNull()) {
            return null;
        }
        try {
            return ViewDefinition.parse(view.toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a document; {@link IllegalArgumentException} when it is not one this program wrote. */
    static SessionDocument parse(String json) {
        try {
            return JSON.readValue(json, SessionDocument.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable session document", e);
        }
    }
}

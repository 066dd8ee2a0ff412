package org.epiflow.map.geo;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/**
 * A GeoJSON document or a Shapefile record is not what its format says (a message from the map catalogue,
 * {@code boundary.geojson.*}, {@code boundary.shp.record.*}); {@link #getMessage()} is the English text.
 */
public class GeoFormatException extends IllegalArgumentException implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Message message;

    public GeoFormatException(Message message) {
        super(message.english());
        this.message = message;
    }

    public GeoFormatException(Message message, Throwable cause) {
        super(message.english(), cause);
        this.message = message;
    }

    /** {@code key} with {@code args}. */
    static GeoFormatException of(String key, Object... args) {
        return new GeoFormatException(Message.of(key, args));
    }

    @Override
    public Message message() {
        return message;
    }
}

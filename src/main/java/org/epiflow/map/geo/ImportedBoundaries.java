package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.util.List;

/**
 * A bureau's own boundaries, reprojected to WGS84 longitude/latitude and ready to join by code.
 *
 * @param layer     the regions (unique codes, valid polygons, label points)
 * @param codeField the attribute the codes came from
 * @param nameField the attribute the Chinese names came from, or null
 * @param sourceCrs the CRS the file was in, as named by the file (e.g. {@code PROJCS 'CGCS2000_3_Degree_GK_CM_114E'})
 * @param warnings  non-fatal remarks for the user (assumed CRS, approximate datum, repaired geometries)
 */
public record ImportedBoundaries(RegionLayer layer, String codeField, String nameField, String sourceCrs,
                                 List<Message> warnings) {

    public ImportedBoundaries {
        warnings = List.copyOf(warnings);
    }
}

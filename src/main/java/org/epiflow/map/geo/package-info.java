/**
 * Geometry layer of the map: the offline basemap ({@link org.epiflow.map.geo.BasemapLoader},
 * {@link org.epiflow.map.geo.Basemap}), the China Albers equal-area projection
 * ({@link org.epiflow.map.geo.AlbersEqualAreaProjection}), joining data-bundle region codes to polygons
 * ({@link org.epiflow.map.geo.RegionJoin}) and importing a bureau's own official boundaries
 * ({@link org.epiflow.map.geo.BoundaryImporter}).
 *
 * <p>Pure Java (JTS, proj4j, Jackson); no JavaFX. All geometries are WGS84 / CGCS2000 longitude-latitude
 * (x = longitude, y = latitude, degrees); the two datums differ by centimetres, far below map precision.
 */
package org.epiflow.map.geo;

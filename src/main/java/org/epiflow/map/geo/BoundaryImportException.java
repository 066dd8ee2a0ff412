package org.epiflow.map.geo;

/**
 * A boundary file could not be imported. The message is meant for the analyst: it names the file and the
 * problem (missing .dbf, unsupported CRS with its WKT name, the feature whose geometry is broken, the fields that
 * do exist when the code field is wrong, duplicate codes, …).
 */
public class BoundaryImportException extends Exception {

    private static final long serialVersionUID = 1L;

    public BoundaryImportException(String message) {
        super(message);
    }

    public BoundaryImportException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.epiflow.cli;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The models {@code epiflow risk --model} accepts, by their hyphenated names. */
enum RiskModelName {
    IMPORTATION("importation"),
    EFFECTIVE_DISTANCE("effective-distance"),
    SEIR("seir"),
    OBSERVED_EXPECTED("observed-expected");

    private final String label;

    RiskModelName(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Parses the hyphenated name. */
    static final class Converter implements CommandLine.ITypeConverter<RiskModelName> {
        @Override
        public RiskModelName convert(String value) {
            for (RiskModelName m : values()) {
                if (m.label.equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a model; use one of "
                    + Arrays.stream(values()).map(RiskModelName::label).collect(Collectors.joining(", ")));
        }
    }
}

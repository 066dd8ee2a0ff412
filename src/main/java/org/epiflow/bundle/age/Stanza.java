package org.epiflow.bundle.age;

import com.exceptionfactory.jagged.RecipientStanza;

import java.util.List;

/** Plain immutable recipient stanza produced by our writers. */
final class Stanza implements RecipientStanza {
    private final String type;
    private final List<String> arguments;
    private final byte[] body;

    Stanza(String type, List<String> arguments, byte[] body) {
        this.type = type;
        this.arguments = List.copyOf(arguments);
        this.body = body.clone();
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public List<String> getArguments() {
        return arguments;
    }

    @Override
    public byte[] getBody() {
        return body.clone();
    }
}

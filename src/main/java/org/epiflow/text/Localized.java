package org.epiflow.text;

/** Has a message for people, in words decided later: exceptions born below the UI implement it. */
public interface Localized {
    /** What to tell the user, as a key plus arguments. */
    Message message();
}

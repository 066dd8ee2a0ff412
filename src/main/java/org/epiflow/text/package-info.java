/**
 * Words for people, in English and Simplified Chinese. Code below the user interface never builds sentences: it
 * creates a {@link org.epiflow.text.Message} (a key plus arguments) and the app or the command line turns it into
 * words with {@link org.epiflow.text.Texts} in the user's language. The catalogues are
 * {@code org/epiflow/text/<area>.properties} and {@code <area>_zh_CN.properties}, one per area
 * ({@link org.epiflow.text.Catalogue}); keys are unique across all of them. Depends on no other EpiFlow package.
 */
package org.epiflow.text;

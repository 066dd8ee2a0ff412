/** The unlock screen: the officer's identity file, passphrase, trust store, and the backoff after wrong guesses. */
package org.epiflow.ui.unlock;

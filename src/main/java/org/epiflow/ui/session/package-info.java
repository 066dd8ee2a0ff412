/**
 * Session security of the desktop: the officer's encrypted workspace opened at unlock and closed at lock, the audit
 * trail of what happens in the session, the encrypted cache behind reopening, saved views, and the idle auto-lock.
 * {@link org.epiflow.ui.session.SessionServices} is the hook other panels (risk, export) record through;
 * {@link org.epiflow.ui.session.SessionCarryOver} saves the session document and returns to it after each unlock.
 */
package org.epiflow.ui.session;

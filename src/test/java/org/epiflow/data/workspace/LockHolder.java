package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;

import java.nio.file.Path;

/**
 * A second EpiFlow process for the lock tests: opens the workspace as a window (or as the command named), prints
 * {@code READY}, and keeps it open until its standard input closes.
 * Arguments: workspace folder, identity file, its passphrase, {@code window} or a command name.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Workspace.OpenOptions o = args[3].equals("window") ? Workspace.OpenOptions.defaults()
                : Workspace.OpenOptions.command(args[3]);
        try (AgeIdentity id = AgeIdentityFile.read(Path.of(args[1]), args[2].toCharArray());
             Workspace ws = Workspace.open(Path.of(args[0]), id, o.withBackupOnClose(null))) {
            System.out.println("READY " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
    }

    /** Starts a holder and waits until it has the workspace; returns the process. */
    public static Process start(Path dir, Path identity, String passphrase, String as) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString(),
                identity.toString(), passphrase, as);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line;
        StringBuilder all = new StringBuilder();
        while ((line = r.readLine()) != null) {
            all.append(line).append('\n');
            if (line.startsWith("READY")) {
                return p;
            }
        }
        throw new IllegalStateException("the lock holder did not start: " + all);
    }

    /** Lets a holder close the workspace and exit. */
    public static void stop(Process p) throws Exception {
        p.getOutputStream().close();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}

package org.epiflow.bundle.age;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** All C2SP CCTV age vectors: each must give exactly its expected outcome. */
class AgeCctvVectorTest {

    record Vector(String name, Map<String, String> headers, byte[] body) {
        String expect() {
            return headers.get("expect");
        }
    }

    static List<Vector> load() throws IOException {
        Path dir = SharedVectors.dir("age");
        List<Vector> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                byte[] all = Files.readAllBytes(p);
                int split = indexOf(all, "\n\n".getBytes(StandardCharsets.US_ASCII));
                Map<String, String> headers = new HashMap<>();
                for (String line : new String(all, 0, split, StandardCharsets.UTF_8).split("\n")) {
                    int c = line.indexOf(": ");
                    headers.put(line.substring(0, c), line.substring(c + 2));
                }
                byte[] body = java.util.Arrays.copyOfRange(all, split + 2, all.length);
                if ("zlib".equals(headers.get("compressed"))) {
                    body = new InflaterInputStream(new ByteArrayInputStream(body)).readAllBytes();
                }
                out.add(new Vector(p.getFileName().toString(), headers, body));
            }
        }
        return out;
    }

    @Test
    void everyVectorGivesItsExpectedOutcome() throws Exception {
        List<Vector> vectors = load();
        assertThat(vectors).hasSize(143);
        int passed = 0;
        int unsupported = 0;
        int reportedUnsupported = 0;
        List<String> failures = new ArrayList<>();
        for (Vector v : vectors) {
            String identity = v.headers().get("identity");
            boolean hybrid = identity != null && identity.startsWith("AGE-SECRET-KEY-PQ-");
            Outcome o = run(v);
            if (hybrid) {
                // We cannot parse a PQ identity; the file is tried with an unrelated X25519 identity instead and
                // must be refused (never decrypted), ideally as unsupported.
                if (o.error == null) {
                    failures.add(v.name() + ": hybrid vector unexpectedly decrypted");
                } else {
                    unsupported++;
                    if (o.error instanceof UnsupportedRecipientException) {
                        reportedUnsupported++;
                    }
                }
                continue;
            }
            String problem = check(v, o);
            if (problem == null) {
                passed++;
            } else {
                failures.add(v.name() + ": " + problem);
            }
        }
        System.out.println("CCTV age vectors: " + passed + " passed, " + unsupported
                + " unsupported (post-quantum hybrid; " + reportedUnsupported
                + " of them rejected as UnsupportedRecipientException, the rest as malformed or not matching), "
                + failures.size() + " failed");
        assertThat(failures).isEmpty();
        assertThat(passed + unsupported).isEqualTo(143);
    }

    @Test
    void armoredVectorsAreAlsoRecognisedAutomatically() throws Exception {
        int checked = 0;
        for (Vector v : load()) {
            String id = v.headers().get("identity");
            if ("yes".equals(v.headers().get("armored")) && "success".equals(v.expect())
                    && (id == null || !id.startsWith("AGE-SECRET-KEY-PQ-"))) {
                Map<String, String> auto = new HashMap<>(v.headers());
                auto.remove("armored");
                assertThat(check(v, run(new Vector(v.name(), auto, v.body())))).as(v.name()).isNull();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    record Outcome(byte[] plaintext, Exception error) {
    }

    static Outcome run(Vector v) {
        String identity = v.headers().get("identity");
        String passphrase = v.headers().get("passphrase");
        try (ReadableByteChannel in = Channels.newChannel(new ByteArrayInputStream(v.body()))) {
            ReadableByteChannel plain;
            AgeFormat format = "yes".equals(v.headers().get("armored")) ? AgeFormat.ARMORED : AgeFormat.AUTO;
            if (passphrase != null) {
                plain = AgeCodec.decryptWithPassphrase(in, passphrase.toCharArray(), 20, format);
            } else if (identity == null || identity.startsWith("AGE-SECRET-KEY-PQ-")) {
                // no identity given (file must fail before any unwrap) or a PQ identity we cannot use
                try (AgeIdentity other = AgeIdentity.generate()) {
                    plain = AgeCodec.decrypt(in, other, format);
                }
            } else {
                try (AgeIdentity id = AgeIdentity.parse(identity.toCharArray())) {
                    plain = AgeCodec.decrypt(in, id, format);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (plain.read(buf) >= 0) {
                buf.flip();
                out.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
            return new Outcome(out.toByteArray(), null);
        } catch (Exception e) {
            return new Outcome(null, e);
        }
    }

    static String check(Vector v, Outcome o) throws Exception {
        String expect = v.expect();
        if (expect.equals("success")) {
            if (o.error != null) {
                return "expected success, got " + describe(o.error);
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(o.plaintext));
            return sha.equals(v.headers().get("payload")) ? null : "payload hash mismatch";
        }
        if (o.error == null) {
            return "expected " + expect + ", but it decrypted";
        }
        Class<? extends Exception> want = switch (expect) {
            case "HMAC failure", "header failure" -> AgeHeaderException.class;
            case "armor failure" -> AgeArmorException.class;
            case "payload failure" -> AgePayloadException.class;
            case "no match" -> v.headers().containsKey("passphrase")
                    ? WrongPassphraseException.class : NoIdentityMatchException.class;
            default -> throw new IllegalStateException("unknown expectation " + expect);
        };
        boolean ok = want.isInstance(o.error)
                || (expect.equals("header failure") && o.error instanceof WorkFactorTooHighException)
                || (expect.equals("no match") && o.error instanceof NoIdentityMatchException);
        return ok ? null : "expected " + expect + " (" + want.getSimpleName() + "), got " + describe(o.error);
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName() + "(" + e.getMessage() + ")");
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            sb.append(" <- ").append(c.getClass().getSimpleName()).append("(").append(c.getMessage()).append(")");
        }
        return sb.toString();
    }

    private static int indexOf(byte[] a, byte[] pat) {
        outer:
        for (int i = 0; i + pat.length <= a.length; i++) {
            for (int j = 0; j < pat.length; j++) {
                if (a[i + j] != pat[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

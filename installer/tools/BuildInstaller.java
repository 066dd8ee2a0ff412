import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds EpiFlow's native packages with the JDK's own jlink and jpackage: a trimmed runtime, an app image, the
 * native installer(s) of this OS (.deb and, where rpmbuild exists, .rpm on Linux; .msi on Windows with WiX), and a
 * portable archive of the app image. Run by `mvn -Pinstaller package` (see installer/README.md):
 *
 * java installer/tools/BuildInstaller.java --jar target/epiflow.jar --version 0.1.0 --out target/installer
 */
public final class BuildInstaller {
    static final String NAME = "EpiFlow";
    static final String PACKAGE = "epiflow";
    static final Set<String> BASE_MODULES = Set.of("java.base", "java.desktop", "java.logging", "java.prefs",
            "java.sql", "java.naming", "java.xml", "java.management", "jdk.unsupported", "jdk.unsupported.desktop",
            "jdk.charsets", "jdk.localedata", "jdk.crypto.ec");
    /**
     * Modules jdeps finds but only library features EpiFlow never uses need (checked by running every command with
     * the installed launcher, installer/smoke-jar.sh): JavaFX's optional JFR pulse logging, POI's digital
     * signatures, H2's Java/JavaScript functions, profiler agent and TCP server socket options.
     */
    static final Set<String> UNUSED_MODULES = Set.of("jdk.jfr", "java.xml.crypto", "java.security.jgss",
            "java.compiler", "java.scripting", "java.instrument", "jdk.net");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path jar = Path.of(opt.getOrDefault("jar", "target/epiflow.jar")).toAbsolutePath();
        String version = opt.getOrDefault("version", "0.1.0").replace("-SNAPSHOT", "");
        Path out = Path.of(opt.getOrDefault("out", "target/installer")).toAbsolutePath();
        Path installer = Path.of(opt.getOrDefault("installer-dir", "installer")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail("no application jar at " + jar + " (run mvn package first)");
        }
        Path jdk = packagingJdk(opt.get("jdk"));
        System.out.println("Packaging JDK: " + jdk);
        deleteTree(out);
        Files.createDirectories(out);
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");

        Set<String> available = listModules(jdk);
        Set<String> modules = new TreeSet<>(jdeps(jdk, jar));
        modules.addAll(BASE_MODULES);
        modules.removeAll(UNUSED_MODULES);
        modules.retainAll(available);
        Path runtime = out.resolve("runtime");
        int feature = featureVersion(jdk);
        List<String> jlink = new ArrayList<>(List.of(tool(jdk, "jlink"), "--add-modules", String.join(",", modules),
                "--include-locales=en,zh", "--strip-debug", "--no-man-pages", "--no-header-files",
                "--strip-native-commands", feature >= 21 ? "--compress=zip-9" : "--compress=2",
                "--output", runtime.toString()));
        run(jlink);
        System.out.println("Runtime modules: " + modules);

        Path input = Files.createDirectories(out.resolve("input"));
        Files.copy(jar, input.resolve("epiflow.jar"));
        Path resources = Files.createDirectories(out.resolve("resources"));
        String icon = installer.resolve(windows ? "icons/epiflow.ico" : "icons/epiflow.png").toString();
        List<String> common = new ArrayList<>(List.of(tool(jdk, "jpackage"), "--name", NAME, "--app-version",
                version, "--vendor", "EpiFlow", "--description",
                "Workstation for sealed aggregate mobility data in epidemic prevention", "--copyright",
                "EpiFlow contributors", "--input", input.toString(), "--main-jar", "epiflow.jar", "--main-class",
                "org.epiflow.Main", "--runtime-image", runtime.toString(), "--icon", icon,
                "--add-launcher", PACKAGE + "=" + installer.resolve("epiflow-cli.properties"),
                "--java-options", "-Dfile.encoding=UTF-8", "--dest", out.toString()));
        if (feature >= 24) {
            common.addAll(List.of("--java-options", "--enable-native-access=ALL-UNNAMED"));
        }
        List<String> image = new ArrayList<>(common);
        image.addAll(List.of("--type", "app-image"));
        run(image);
        Path appImage = out.resolve(windows ? NAME : NAME);
        portable(appImage, out, version, windows);

        List<String> types = new ArrayList<>();
        if (windows) {
            types.add("msi");
        } else {
            types.add("deb");
            if (onPath("rpmbuild")) {
                types.add("rpm");
            } else {
                System.out.println("rpmbuild not found: skipping the .rpm (install the 'rpm' package to build it)");
            }
        }
        if (opt.containsKey("types")) {
            types.retainAll(Arrays.asList(opt.get("types").split(",")));
        }
        for (String type : types) {
            List<String> pkg = new ArrayList<>(common);
            pkg.addAll(List.of("--type", type, "--file-associations",
                    installer.resolve("epiflow-bundle.properties").toString(),
                    "--license-file", installer.resolve("LICENSE-NOTICE.txt").toString()));
            if (type.equals("deb") || type.equals("rpm")) {
                pkg.addAll(List.of("--linux-package-name", PACKAGE, "--linux-shortcut", "--linux-menu-group",
                        "Science", "--linux-app-category", type.equals("deb") ? "science" : "Applications/Science",
                        "--linux-package-deps", type.equals("deb") ? "libgtk-3-0" : "gtk3"));
                if (type.equals("deb")) {
                    debScripts(jdk, resources);
                    pkg.addAll(List.of("--resource-dir", resources.toString(), "--linux-deb-maintainer",
                            "epiflow@example.org"));
                }
            } else {
                pkg.addAll(List.of("--win-menu", "--win-menu-group", NAME, "--win-shortcut", "--win-dir-chooser",
                        "--win-per-user-install", "--win-upgrade-uuid", "5b0b4c1e-8d8a-4a57-9b6f-5a0e2f4e9c11"));
            }
            run(pkg);
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    System.out.printf(Locale.ROOT, "%-48s %6.1f MB%n", p.getFileName(), Files.size(p) / 1e6);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-48s %6.1f MB (installed size)%n", "app image " + appImage.getFileName(),
                treeSize(appImage) / 1e6);
    }

    /** Adds the /usr/bin/epiflow link and the desktop-directories fix to jpackage's own deb scripts. */
    static void debScripts(Path jdk, Path resources) throws IOException {
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", jdk.toString()))) {
            Path dir = jrt.getPath("modules", "jdk.jpackage", "jdk", "jpackage", "internal", "resources");
            String postinst = Files.readString(dir.resolve("template.postinst"));
            String prerm = Files.readString(dir.resolve("template.prerm"));
            postinst = postinst.replace("DESKTOP_COMMANDS_INSTALL",
                    "mkdir -p /usr/share/desktop-directories\nDESKTOP_COMMANDS_INSTALL\n"
                            + "ln -sf /opt/epiflow/bin/epiflow /usr/bin/epiflow");
            prerm = prerm.replace("DESKTOP_COMMANDS_UNINSTALL",
                    "DESKTOP_COMMANDS_UNINSTALL\nif [ \"$(readlink /usr/bin/epiflow)\" = /opt/epiflow/bin/epiflow ]; "
                            + "then rm -f /usr/bin/epiflow; fi");
            Files.writeString(resources.resolve("postinst"), postinst);
            Files.writeString(resources.resolve(NAME + ".desktop"), String.join("\n",
                    "[Desktop Entry]", "Name=" + NAME, "GenericName=Epidemic mobility workstation",
                    "GenericName[zh_CN]=疫情人口流动分析工作站",
                    "Comment=Workstation for sealed aggregate mobility data in epidemic prevention",
                    "Comment[zh_CN]=用于疫情防控的加密聚合人口流动数据分析",
                    "Exec=/opt/epiflow/bin/" + NAME + " %f", "Icon=/opt/epiflow/lib/" + NAME + ".png",
                    "Terminal=false", "Type=Application", "Categories=Science;MedicalSoftware;",
                    "MimeType=application/vnd.epiflow.bundle+zip;", ""));
            Files.writeString(resources.resolve("prerm"), prerm);
        }
    }

    static void portable(Path appImage, Path out, String version, boolean windows) throws Exception {
        String base = PACKAGE + "-" + version + "-portable-" + (windows ? "windows" : "linux") + "-x64";
        if (windows) {
            Path zip = out.resolve(base + ".zip");
            try (var zos = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
                 Stream<Path> files = Files.walk(appImage)) {
                for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    zos.putNextEntry(new java.util.zip.ZipEntry(NAME + "/"
                            + appImage.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, zos);
                    zos.closeEntry();
                }
            }
        } else {
            run(List.of("tar", "-C", appImage.getParent().toString(), "-czf", out.resolve(base + ".tar.gz").toString(),
                    appImage.getFileName().toString()));
        }
    }

    static Path packagingJdk(String explicit) throws IOException {
        if (explicit != null) {
            return Path.of(explicit);
        }
        String env = System.getenv("EPIFLOW_PACKAGING_JDK");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path best = Path.of(System.getProperty("java.home"));
        int bestVersion = Runtime.version().feature();
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (Files.isExecutable(p.resolve("bin/jpackage")) && Files.isExecutable(p.resolve("bin/jlink"))
                            && !Files.isSymbolicLink(p)) {
                        int v = featureVersion(p);
                        if (v > bestVersion || (v == bestVersion && !Files.isExecutable(best.resolve("bin/jpackage")))) {
                            best = p;
                            bestVersion = v;
                        }
                    }
                }
            }
        }
        if (!Files.isExecutable(best.resolve(exe("bin/jpackage")))) {
            fail("no JDK with jpackage found; set EPIFLOW_PACKAGING_JDK");
        }
        return best;
    }

    static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring(14).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return 0;
    }

    static Set<String> listModules(Path jdk) throws Exception {
        Set<String> out = new LinkedHashSet<>();
        for (String line : capture(List.of(tool(jdk, "java"), "--list-modules"))) {
            out.add(line.split("@")[0].trim());
        }
        return out;
    }

    static Set<String> jdeps(Path jdk, Path jar) {
        try {
            List<String> lines = capture(List.of(tool(jdk, "jdeps"), "--ignore-missing-deps", "--print-module-deps",
                    "--multi-release", "17", jar.toString()));
            Set<String> out = new LinkedHashSet<>();
            for (String l : lines) {
                for (String m : l.split(",")) {
                    if (m.matches("[a-z][a-z0-9.]*")) {
                        out.add(m.trim());
                    }
                }
            }
            return out;
        } catch (Exception e) {
            System.out.println("jdeps failed (" + e.getMessage() + "); using the base module list");
            return Set.of();
        }
    }

    static String tool(Path jdk, String name) {
        return jdk.resolve(exe("bin/" + name)).toString();
    }

    static String exe(String path) {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? path + ".exe" : path;
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static void run(List<String> cmd) throws Exception {
        System.out.println("$ " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            fail("failed: " + cmd.get(0) + " (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
        }
    }

    static List<String> capture(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(cmd.get(0) + " failed: " + text);
        }
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    static long treeSize(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                fail("unexpected argument " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }

    static void fail(String message) {
        System.err.println("BuildInstaller: " + message);
        System.exit(1);
    }
}

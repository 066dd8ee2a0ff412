package org.epiflow.cli;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/**
 * The command line in Chinese and English: {@code --lang}, the system locale, the usage help, refusals, usage
 * mistakes, any failure that carries its own message, exit codes that do not depend on the language.
 */
class CliLanguageTest {
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    @TempDir
    Path dir;
    Path officerPass;
    String recipient;

    @BeforeEach
    void keys() throws Exception {
        officerPass = write(dir, "officer.pass", "officer passphrase\n");
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("officer.key").toString(),
                "--passphrase-file", officerPass.toString(), "--work-factor", "10");
        assertThat(officer.exit()).as(officer.err()).isZero();
        recipient = officer.out().trim();
        assertThat(run("keygen", "carrier", "--out", dir.resolve("carrier.key").toString(), "--no-passphrase")
                .exit()).isZero();
        write(dir, "regions.csv", CliHarness.REGIONS);
        write(dir, "flows.csv", CliHarness.FLOWS);
        CliHarness.Run sealed = run("seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--expires", "2099-12-31", "--sign",
                dir.resolve("carrier.key").toString(), "--issuer", "Test Mobile", "--to", recipient, "--out",
                dir.resolve("b.epiflow").toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
    }

    private String[] inspect(Path bundle, String... extra) {
        List<String> a = new ArrayList<>(List.of("inspect", bundle.toString(), "--identity",
                dir.resolve("officer.key").toString(), "--passphrase-file", officerPass.toString(), "--trust",
                dir.resolve("carrier.pub").toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private Path damaged() throws Exception {
        byte[] all = Files.readAllBytes(dir.resolve("b.epiflow"));
        Path p = dir.resolve("damaged.epiflow");
        Files.write(p, java.util.Arrays.copyOf(all, all.length / 2));
        return p;
    }

    @Test
    void inspectSpeaksChineseWithLangZhAndKeepsTheExitCode() throws Exception {
        CliHarness.Run zh = run(inspect(dir.resolve("b.epiflow"), "--lang", "zh"));
        assertThat(zh.exit()).as(zh.err()).isZero();
        assertThat(zh.out()).contains("数据包编号：").contains("时段：").contains("2020-01-01 至 2020-01-02")
                .contains("地市级").contains("疫情防控").doesNotContain("bundleId:");

        CliHarness.Run refused = run(inspect(damaged(), "--lang", "zh"));
        assertThat(refused.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).startsWith("epiflow: ").contains("未通过“数据包文件”检查")
                .contains("请运营商重新发送数据包");
        CliHarness.Run en = run(inspect(damaged(), "--lang", "en"));
        assertThat(en.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(en.err()).contains("Refused by the bundle file check").doesNotContainPattern(CJK);
    }

    @Test
    void theSystemLocaleDecidesWithoutLangAndLangEnForcesEnglish() throws Exception {
        Locale was = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            CliHarness.Run zh = run(inspect(dir.resolve("b.epiflow")));
            assertThat(zh.out()).contains("数据包编号：");
            CliHarness.Run en = run(inspect(dir.resolve("b.epiflow"), "--lang=en"));
            assertThat(en.out()).contains("bundleId:").doesNotContain("数据包编号");
            assertThat(run("--lang", "en", "inspect", "--help").out()).contains("Usage:").doesNotContainPattern(CJK);
            Locale.setDefault(Locale.US);
            assertThat(run(inspect(dir.resolve("b.epiflow"))).out()).contains("bundleId:");
        } finally {
            Locale.setDefault(was);
        }
    }

    @Test
    void exitCodesDoNotDependOnTheLanguage() throws Exception {
        Path wrong = write(dir, "wrong.pass", "not it");
        Path bad = damaged();
        String[][] cases = {
                inspect(bad),                                                      // 3 refused
                {"inspect", dir.resolve("b.epiflow").toString()},                  // 2 usage: missing options
                {"inspect", "--no-such-option"},                                   // 2 usage: unknown option
                {"export", "--format", "pdf", "--out", dir.resolve("x.pdf").toString(), "--bundle", "b",
                        "--identity", "i", "--trust", "t", "--date", "2020-13-45"},    // 2 usage: not a date
                {"inspect", dir.resolve("b.epiflow").toString(), "--identity", dir.resolve("officer.key").toString(),
                        "--passphrase-file", wrong.toString(), "--trust", dir.resolve("carrier.pub").toString()},
                {"keygen", "officer", "--out", dir.resolve("officer.key").toString(), "--passphrase-file",
                        officerPass.toString()},                                   // 1 exists
                {"verify", dir.resolve("nothing.epiflow").toString(), "--trust", dir.resolve("carrier.pub").toString()},
        };
        for (String[] c : cases) {
            CliHarness.Run en = run(concat(c, "--lang", "en"));
            CliHarness.Run zh = run(concat(c, "--lang", "zh"));
            assertThat(zh.exit()).as(String.join(" ", c) + "\n" + en.err() + zh.err()).isEqualTo(en.exit())
                    .isNotZero();
            assertThat(zh.err()).as(String.join(" ", c)).containsPattern(CJK);
            assertThat(en.err()).as(String.join(" ", c)).doesNotContainPattern(CJK);
        }
    }

    @Test
    void aRefusedCaseFileIsListedInChineseProblemByProblem() throws Exception {
        Path bad = write(dir, "bad.csv", "date,region,cases\n2020-13-01,110100,3\n2020-01-01,999999,4\n"
                + "2020-01-02,310100,-2\n");
        String[] args = {"risk", "--bundle", dir.resolve("b.epiflow").toString(), "--identity",
                dir.resolve("officer.key").toString(), "--passphrase-file", officerPass.toString(), "--trust",
                dir.resolve("carrier.pub").toString(), "--model", "importation", "--cases", bad.toString(), "--out",
                dir.resolve("r.csv").toString()};
        CliHarness.Run zh = run(concat(args, "--lang", "zh"));
        CliHarness.Run en = run(concat(args, "--lang", "en"));
        assertThat(zh.exit()).isEqualTo(en.exit()).isEqualTo(1);
        assertThat(zh.err()).contains("无法从 bad.csv 读取病例", "第 2 行，date 列：“2020-13-01”不是日期",
                "第 3 行，region 列：未知地区“999999”", "第 4 行，cases 列", "-2");
        assertThat(en.err()).contains("Line 2, column date", "2020-13-01").doesNotContainPattern(CJK);
        assertThat(Files.exists(dir.resolve("r.csv"))).isFalse();
    }

    @Test
    void usageMistakesAreToldInChinese() {
        CliHarness.Run missing = run("inspect", dir.resolve("b.epiflow").toString(), "--lang", "zh");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("缺少必需的选项或参数").contains("--identity")
                .contains("运行“epiflow inspect --help”查看用法");
        CliHarness.Run date = run("risk", "--bundle", "b", "--identity", "i", "--trust", "t", "--model", "seir",
                "--out", "o", "--as-of", "yesterday", "--lang", "zh");
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("--as-of：“yesterday”不是有效的值").contains("应为日期");
        CliHarness.Run model = run("risk", "--bundle", "b", "--identity", "i", "--trust", "t", "--model", "sir",
                "--out", "o", "--lang", "zh");
        assertThat(model.err()).contains("可选的值：importation, effective-distance, seir, observed-expected");
        CliHarness.Run lang = run("inspect", "--lang", "klingon");
        assertThat(lang.exit()).isEqualTo(2);
        assertThat(lang.err()).contains("--lang must be zh (Chinese) or en (English), not “klingon”");
    }

    @Test
    void everyCommandAndOptionHasChineseHelp() {
        CommandLine cl = EpiflowCommand.commandLine();
        cl.setResourceBundle(CliLanguage.usage(Texts.CHINESE));
        List<String> english = new ArrayList<>();
        walk(cl, english);
        assertThat(english).isEmpty();
        StringWriter w = new StringWriter();
        cl.getSubcommands().get("risk").usage(new PrintWriter(w));
        assertThat(w.toString()).startsWith("用法：").contains("选项：").contains("显示本帮助并退出。");
    }

    private static void walk(CommandLine cl, List<String> english) {
        CommandSpec s = cl.getCommandSpec();
        String d = String.join(" ", s.usageMessage().description()) + String.join(" ", s.usageMessage().header());
        if (!CJK.matcher(d).find()) {
            english.add(s.qualifiedName() + ": " + d);
        }
        List<ArgSpec> args = new ArrayList<>(s.options());
        args.addAll(s.positionalParameters());
        for (ArgSpec a : args) {
            String text = String.join(" ", a.description());
            if (!CJK.matcher(text).find()) {
                english.add(s.qualifiedName() + " " + a.paramLabel() + (a.isOption()
                        ? " " + ((CommandLine.Model.OptionSpec) a).longestName() : "") + ": " + text);
            }
        }
        cl.getSubcommands().values().forEach(c -> walk(c, english));
    }

    @Test
    void anyFailureThatCarriesItsOwnMessageIsPrintedInTheRunsLanguage() {
        class Born extends RuntimeException implements Localized {
            @Override
            public Message message() {
                return Message.of("common.error.noSuchFile", "cases.csv");
            }
        }
        for (String lang : new String[] {"zh", "en"}) {
            CommandLine cl = EpiflowCommand.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            ((EpiflowCommand) cl.getCommandSpec().userObject()).choose(new String[] {"--lang", lang}, cl);
            int code = new ExitCodes().handleExecutionException(new Born(), cl, null);
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("epiflow: " + (lang.equals("zh") ? "文件 cases.csv 不存在。"
                    : "The file cases.csv does not exist.") + System.lineSeparator());
        }
        CliException c = new CliException(Message.of("cli.export.directionNeedsRegion"), 2);
        assertThat(c.getMessage()).isEqualTo("--direction needs --region");
        assertThat(Texts.inChinese().format(c)).isEqualTo("--direction 需要同时给出 --region");
    }

    @Test
    void untrustedHeaderTextCannotDriveTheTerminal() throws Exception {
        CliHarness.Run sealed = run("seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--expires", "2099-12-31", "--sign",
                dir.resolve("carrier.key").toString(), "--issuer", "Evil\u001b[2J\rSignature OK", "--to", recipient,
                "--out", dir.resolve("evil.epiflow").toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        CliHarness.Run v = run("verify", dir.resolve("evil.epiflow").toString(), "--trust",
                dir.resolve("carrier.pub").toString(), "--lang", "zh");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("签名有效").contains("Evil\\u001B[2J\\u000DSignature OK")
                .doesNotContain("\u001b");
    }

    @Test
    void chineseReachesATerminalWhoseLocaleCannotShowIt() {
        assertThat(CliLanguage.terminalCharset().newEncoder().canEncode("中文")).isTrue();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter w = CliLanguage.terminal(bytes);
        w.print("数据包");
        w.flush();
        assertThat(new String(bytes.toByteArray(), CliLanguage.terminalCharset())).isEqualTo("数据包");
        assertThat(CliLanguage.parse("zh_CN")).contains(Texts.CHINESE);
        assertThat(CliLanguage.parse("EN-us")).contains(Texts.ENGLISH);
        assertThat(CliLanguage.parse("fr")).isEmpty();
        assertThat(CliLanguage.requested(new String[] {"export", "--", "--lang", "zh"})).isEmpty();
        assertThat(Columns.width("数据包：")).isEqualTo(8);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static {
        // keep the test independent of the machine's terminal: capture as UTF-8
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode("中")).isTrue();
    }
}

package org.epiflow.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.ui.prefs.AppPreferences;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One workstation window under test (made by {@link WorkstationExtension}): the view-model, the stage and scene, the
 * fakes behind the dialogs and file choosers, the demo's files, and the helpers every walkthrough needs — waits,
 * unlocking the demo, reading visible text, snapshots and the user guide's screenshots
 * ({@code -Depiflow.screenshots=DIR}).
 */
public final class Workstation {
    /** How long a wait may take before the test fails. */
    public static final int TIMEOUT_SECONDS = 90;
    private static final String SHOTS = System.getProperty("epiflow.screenshots", "");

    private final WorkstationViewModel vm;
    private final Stage stage;
    private final Scene scene;
    private final AppPreferences prefs;
    private final UiFixtures.ScriptedFiles files;
    private final UiFixtures.RecordingDialogs dialogs;
    private final DemoInstaller.Installed demo;
    private final Path dir;
    private final FxRobot robot = new FxRobot();

    Workstation(WorkstationViewModel vm, Stage stage, Scene scene, AppPreferences prefs,
                UiFixtures.ScriptedFiles files, UiFixtures.RecordingDialogs dialogs, DemoInstaller.Installed demo,
                Path dir) {
        this.vm = vm;
        this.stage = stage;
        this.scene = scene;
        this.prefs = prefs;
        this.files = files;
        this.dialogs = dialogs;
        this.demo = demo;
        this.dir = dir;
    }

    public WorkstationViewModel vm() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    public AppPreferences prefs() {
        return prefs;
    }

    /** Answers the file choosers, in order. */
    public UiFixtures.ScriptedFiles files() {
        return files;
    }

    /** The error dialogs shown. */
    public UiFixtures.RecordingDialogs dialogs() {
        return dialogs;
    }

    /** The demo's files (installed once per JVM: do not change them). */
    public DemoInstaller.Installed demo() {
        return demo;
    }

    /** A scratch folder of this test, deleted afterwards. */
    public Path dir() {
        return dir;
    }

    public FxRobot robot() {
        return robot;
    }

    /** Waits until the condition holds (checked off the FX thread), then for pending FX events. */
    public void waitFor(BooleanSupplier condition) throws Exception {
        waitFor(condition, () -> "");
    }

    /** As {@link #waitFor(BooleanSupplier)}, saying what was seen when it times out. */
    public void waitFor(BooleanSupplier condition, Supplier<String> seen) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s; " + seen.get() + "; map: "
                    + vm.map().summaryProperty().get() + ", rendering " + vm.map().renderingProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the map has drawn everything asked of it. */
    public void waitForMap() throws Exception {
        waitFor(() -> vm.map().frameProperty().get() != null && !vm.map().renderingProperty().get());
    }

    /** Runs on the FX thread and waits for it. */
    public void interact(Runnable r) {
        robot.interact(r);
    }

    /** Calls on the FX thread and returns the result. */
    public <T> T call(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Types the demo passphrase on the unlock card and waits until the demo bundle is open and drawn with flows. */
    public void unlockDemo() throws Exception {
        waitFor(() -> vm.map().basemapProperty().get() != null && !vm.unlock().hintProperty().get().isEmpty());
        robot.clickOn("#passphraseField").write(DemoInstaller.DEFAULT_PASSPHRASE);
        robot.clickOn("#unlockButton");
        waitFor(() -> vm.unlock().session() != null && vm.open().currentProperty().get() != null);
        waitFor(() -> vm.map().frameProperty().get() != null && vm.map().frameProperty().get().flows() != null
                && !vm.map().renderingProperty().get());
    }

    /** The node with that CSS selector (e.g. {@code "#playButton"}). */
    @SuppressWarnings("unchecked")
    public <T extends Node> T node(String selector) {
        return (T) robot.lookup(selector).query();
    }

    /** The text of a label, button or other labeled node. */
    public String text(String selector) {
        return robot.lookup(selector).queryAs(Labeled.class).getText();
    }

    /** What the window shows now, as an image (after pending FX events). */
    public BufferedImage snapshot() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = call(() -> scene.snapshot(null));
        return SwingFXUtils.fromFXImage(img, null);
    }

    /** What a node shows now (its own snapshot). */
    public BufferedImage snapshot(Node n) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = call(() -> n.snapshot(null, null));
        return SwingFXUtils.fromFXImage(img, null);
    }

    /** Saves the window as {@code name} under {@code -Depiflow.screenshots=DIR}; does nothing without it. */
    public void shot(String name) throws Exception {
        shot(scene, name);
    }

    /** Saves another window's scene (a dialog) the same way. */
    public void shot(Scene s, String name) throws Exception {
        if (SHOTS.isBlank()) {
            return;
        }
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = call(() -> s.snapshot(null));
        Path out = Path.of(SHOTS).resolve(name);
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}

package org.epiflow.ui.export;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.PageSpec;
import org.epiflow.export.Paper;

/**
 * The format and page of an export: paper (A4, A3, slide) at a DPI, or a pixel size laid out as on screen (96 dpi);
 * a format with a fixed page (PPTX) always gets that page.
 */
public final class PageSettings {
    /** A paper page or a pixel size. */
    public enum SizeMode { PAPER, PIXELS }

    /** The DPI of pixel-sized pages: text and lines as large as on screen. */
    public static final int PIXEL_DPI = 96;

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.PNG);
    private final ObjectProperty<SizeMode> sizeMode = new SimpleObjectProperty<>(SizeMode.PAPER);
    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(Paper.A4);
    private final BooleanProperty landscape = new SimpleBooleanProperty(true);
    private final IntegerProperty dpi = new SimpleIntegerProperty(300);
    private final IntegerProperty width = new SimpleIntegerProperty(1920);
    private final IntegerProperty height = new SimpleIntegerProperty(1080);

    /** The page the settings ask for, on the format's terms. */
    public PageSpec page() {
        ExportFormat f = format.get();
        if (f.hasFixedPage()) {
            return f.page(null);   // slide-sized pictures: the dialog's DPI does not apply
        }
        if (sizeMode.get() == SizeMode.PIXELS) {
            return PageSpec.pixels(width.get(), height.get(), PIXEL_DPI);
        }
        return PageSpec.paper(paper.get(), landscape.get(), dpi.get());
    }

    Observable[] dependencies() {
        return new Observable[] {format, sizeMode, paper, landscape, dpi, width, height};
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<SizeMode> sizeModeProperty() {
        return sizeMode;
    }

    public ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    public BooleanProperty landscapeProperty() {
        return landscape;
    }

    public IntegerProperty dpiProperty() {
        return dpi;
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public IntegerProperty heightProperty() {
        return height;
    }
}

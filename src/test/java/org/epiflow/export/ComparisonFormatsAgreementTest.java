package org.epiflow.export;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.epiflow.export.layout.LayoutPainter;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.raster.Java2DCanvas;
import org.epiflow.export.raster.PageRaster;
import org.epiflow.map.DivergingScale;
import org.epiflow.map.Language;
import org.epiflow.map.Legend;
import org.epiflow.map.MapComparison;
import org.epiflow.map.MapStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.export.ComparisonExportTest.AFTER_FROM;
import static org.epiflow.export.ComparisonExportTest.AFTER_TO;

/**
 * The difference map (the week after 2020-01-24 – 30 against the week before 2020-01-17 – 23, measure CHANGE) is the
 * same map in every export format, read back with an independent parser. If one of these fails, a user opening the
 * files would notice: an SVG whose arcs are in the plain trips colours or whose legend does not say "Change in trips"
 * with the seven change classes of the PNG; a slide deck that does not say what it compares with, or whose map
 * picture differs from the PNG of that slide; an animation whose first frame is not the first day's difference map or
 * whose legend lost the blue-to-red classes.
 */
class ComparisonFormatsAgreementTest {
    @TempDir
    Path dir;

    private static final String TITLE = "Change in trips";

    /** The seven class colours of the light style, as SVG writes them ("#2166ac"). */
    private static Set<String> classHex() {
        Set<String> s = new LinkedHashSet<>();
        for (int c = 0; c < DivergingScale.CLASSES; c++) {
            s.add(hex(DivergingScale.arcClassColor(c, false)));
        }
        return s;
    }

    private static String hex(int argb) {
        return String.format(Locale.ROOT, "#%06x", argb & 0xFFFFFF);
    }

    @Test
    void svgSaysChangeInTripsWithThePngLegendAndDrawsArcsInTheDivergingClasses() throws Exception {
        Exporter x = ExportFixture.exporter();
        ExportOptions png = ComparisonExportTest.options(Language.EN);
        Legend legend = x.pages(png, AFTER_FROM, AFTER_TO).get(0).scene().legend();
        assertThat(legend.title()).isEqualTo(TITLE);
        assertThat(legend.flows().size()).isGreaterThanOrEqualTo(DivergingScale.CLASSES);
        List<String> classLabels = new ArrayList<>();
        for (int i = 0; i < DivergingScale.CLASSES; i++) {
            classLabels.add(PageText.localizeRange(Language.EN, legend.flows().get(i).label()));
        }

        ExportOptions svgO = png.copy().format(ExportFormat.SVG);
        Path svg = dir.resolve("compare.svg");
        x.export(svgO, AFTER_FROM, AFTER_TO, svg);
        Document doc = parse(svg);
        List<String> texts = texts(doc.getDocumentElement());
        assertThat(texts).as("SVG text").contains(TITLE);
        assertThat(texts).as("the PNG legend's seven class labels as SVG text").containsAll(classLabels);
        Element legendGroup = ExportFormatsTest.byId(doc, "g", "legend");
        assertThat(legendGroup).isNotNull();
        assertThat(texts(legendGroup)).contains(TITLE).containsAll(classLabels);

        Element flows = ExportFormatsTest.byId(doc, "g", "flows-1");
        assertThat(flows).as("flows group").isNotNull();
        int land = MapStyle.light().landFill();
        Set<String> arcColours = arcColours(flows, hex(land));
        Set<String> allowed = new LinkedHashSet<>(classHex());
        allowed.add(hex(MapComparison.NO_FIGURE_LIGHT));
        System.out.println("comparison SVG arc colours: " + arcColours + " (classes " + classHex() + ")");
        assertThat(arcColours).as("arc colours of the comparison SVG").isNotEmpty().isSubsetOf(allowed);
        Set<String> usedClasses = new LinkedHashSet<>(arcColours);
        usedClasses.retainAll(classHex());
        assertThat(usedClasses).as("distinct change classes drawn").hasSizeGreaterThanOrEqualTo(4);
        // both ends of the scheme: decreases in blue and increases in red
        assertThat(usedClasses).containsAnyOf(hex(DivergingScale.arcClassColor(0, false)),
                hex(DivergingScale.arcClassColor(1, false)));

        // negative control: the plain trips map of the same days
        ExportOptions plainO = svgO.copy().baseline(null);
        Legend plainLegend = x.pages(plainO, AFTER_FROM, AFTER_TO).get(0).scene().legend();
        Path plainSvg = dir.resolve("plain.svg");
        x.export(plainO, AFTER_FROM, AFTER_TO, plainSvg);
        Document plain = parse(plainSvg);
        Set<String> plainColours = arcColours(ExportFormatsTest.byId(plain, "g", "flows-1"), hex(land));
        System.out.println("plain SVG arc colours: " + plainColours);
        assertThat(plainColours).as("the plain map's arcs").isNotEmpty().doesNotContainAnyElementsOf(classHex());
        assertThat(texts(plain.getDocumentElement())).doesNotContain(TITLE);
        // and no sequential (plain trips) colour is on the comparison's arcs
        Set<String> sequential = new LinkedHashSet<>(plainColours);
        plainLegend.flows().forEach(e -> sequential.add(hex(e.color())));
        assertThat(arcColours).doesNotContainAnyElementsOf(sequential);
    }

    @Test
    void pptxSaysWhatItComparesWithAndItsMapPictureIsThePngOfTheSlide() throws Exception {
        Exporter x = ExportFixture.exporter();
        ExportOptions o = ComparisonExportTest.options(Language.EN).copy().format(ExportFormat.PPTX);
        List<MapPage> pages = x.pages(o, AFTER_FROM, AFTER_TO);
        assertThat(pages).hasSize(7);
        Path out = dir.resolve("compare.pptx");
        ExportResult res = x.export(o, AFTER_FROM, AFTER_TO, out);
        assertThat(res.pages()).isEqualTo(7);
        PrintLayout l = Exporter.layout(o);
        assertThat(l.page().dpi()).isEqualTo(144);
        double scale = l.page().rasterScale();
        BufferedImage base = null, overlay = null;
        try (InputStream in = Files.newInputStream(out); XMLSlideShow show = new XMLSlideShow(in)) {
            assertThat(show.getSlides()).hasSize(7);
            XSLFSlide s = show.getSlides().get(0);
            StringBuilder all = new StringBuilder();
            List<XSLFPictureShape> pics = new ArrayList<>();
            for (XSLFShape sh : s.getShapes()) {
                if (sh instanceof XSLFTextShape ts) {
                    all.append(ts.getText()).append('\n');
                }
                if (sh instanceof XSLFPictureShape p) {
                    pics.add(p);
                }
            }
            XSLFNotes notes = s.getNotes();
            assertThat(notes).isNotNull();
            for (XSLFShape sh : notes.getShapes()) {
                if (sh instanceof XSLFTextShape ts) {
                    all.append(ts.getText()).append('\n');
                }
            }
            assertThat(all.toString()).contains(TITLE, "2020-01-17", AFTER_FROM.toString());
            // the map frame: a base picture (sea, land) and a transparent overlay (arcs, circles, labels)
            assertThat(pics).hasSize(2);
            base = ImageIO.read(new ByteArrayInputStream(pics.get(0).getPictureData().getData()));
            overlay = ImageIO.read(new ByteArrayInputStream(pics.get(1).getPictureData().getData()));
        }
        int fw = (int) Math.round(l.frameW() * scale), fh = (int) Math.round(l.frameH() * scale);
        assertThat(base.getWidth()).isEqualTo(fw);
        assertThat(base.getHeight()).isEqualTo(fh);
        assertThat(overlay.getWidth()).isEqualTo(fw);
        BufferedImage frame = new BufferedImage(fw, fh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.drawImage(base, 0, 0, null);
        g.drawImage(overlay, 0, 0, null);
        g.dispose();
        // the PNG rendering of the same slide page; its map frame starts at (40.5, 124.5) device pixels (27 and 83
        // layout units at 1.5 px per unit), so an edge of every line and letter falls on another half pixel than in
        // the picture, which starts on a whole pixel: compare with the better of the neighbouring whole offsets
        BufferedImage page = PageRaster.render(l, pages.get(0));
        double[] best = null;
        for (int ox : offsets(l.frameX() * scale)) {
            for (int oy : offsets(l.frameY() * scale)) {
                double[] d = diff(page, ox, oy, frame);
                if (best == null || d[0] < best[0]) {
                    best = d;
                }
            }
        }
        // the same page drawn with its frame moved onto whole device pixels (as the picture is drawn)
        double fx = l.frameX() * scale, fy = l.frameY() * scale;
        BufferedImage aligned = new BufferedImage(l.page().pixelWidth(), l.page().pixelHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D ag = aligned.createGraphics();
        try {
            ag.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            ag.translate(Math.floor(fx) - fx, Math.floor(fy) - fy);
            LayoutPainter.paint(new Java2DCanvas(ag, scale), l, pages.get(0));
        } finally {
            ag.dispose();
        }
        double[] exact = diff(aligned, (int) Math.floor(fx), (int) Math.floor(fy), frame);
        System.out.printf("PPTX slide 1 map picture vs PNG of the slide: mean %.3f/255, %.4f %% > 64; "
                + "vs the page with its frame on whole pixels: mean %.3f/255, %.4f %% > 64%n", best[0],
                best[1] * 100, exact[0], exact[1] * 100);
        assertThat(exact[0]).as("mean difference, frame on whole pixels").isLessThan(1.0);
        assertThat(exact[1]).as("share of pixels off by > 64, frame on whole pixels").isLessThan(0.01);
        assertThat(best[0]).as("mean difference from PageRaster.render (half-pixel offset)").isLessThan(4.0);
        assertThat(best[1]).as("share off by > 64 from PageRaster.render (half-pixel offset)").isLessThan(0.03);
    }

    @Test
    void gifFirstFrameIsTheFirstDaysDifferenceMapWithTheDivergingLegend() throws Exception {
        Exporter x = ExportFixture.exporter();
        ExportOptions o = ComparisonExportTest.options(Language.EN).copy().format(ExportFormat.GIF)
                .page(PageSpec.pixels(960, 640, 96)).frameDelayMillis(500);
        assertThat(ExportFormat.GIF.isMultiFrame()).isTrue();
        Path gif = dir.resolve("compare.gif");
        ExportResult res = x.export(o, AFTER_FROM, AFTER_TO, gif);
        assertThat(res.pages()).isEqualTo(7);
        BufferedImage first;
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(7);
            first = reader.read(0);
            reader.dispose();
        }
        List<MapPage> pages = x.pages(o, AFTER_FROM, AFTER_TO);
        MapPage day1 = pages.get(0);
        assertThat(day1.periodLine()).contains(AFTER_FROM.toString(), "2020-01-17");
        assertThat(day1.scene().legend().title()).isEqualTo(TITLE);
        PrintLayout l = Exporter.layout(o);
        BufferedImage page = PageRaster.render(l, day1);
        assertThat(first.getWidth()).isEqualTo(page.getWidth());
        assertThat(first.getHeight()).isEqualTo(page.getHeight());
        double[] whole = diff(page, 0, 0, first);
        System.out.printf("GIF frame 1 vs PNG of 2020-01-24: mean %.3f/255, %.4f %% > 64%n", whole[0],
                whole[1] * 100);
        assertThat(whole[0]).as("mean per-channel difference, 256-colour palette").isLessThan(3.0);

        // the legend panel of the frame shows the diverging classes: its swatches are thin tapered lines (about
        // 1.5 px), so count the pixels of blue (decrease) and red (increase) hue rather than exact class colours
        int[] gifHues = legendHues(first, l), pngHues = legendHues(page, l);
        System.out.println("legend panel blue/red pixels: GIF frame 1 " + java.util.Arrays.toString(gifHues)
                + ", PNG " + java.util.Arrays.toString(pngHues));
        assertThat(gifHues[0]).as("blue (decrease) swatch pixels in the GIF legend").isGreaterThan(20);
        assertThat(gifHues[1]).as("red (increase) swatch pixels in the GIF legend").isGreaterThan(20);
        assertThat(Math.abs(gifHues[0] - pngHues[0])).isLessThanOrEqualTo(Math.max(5, pngHues[0] / 4));
        assertThat(Math.abs(gifHues[1] - pngHues[1])).isLessThanOrEqualTo(Math.max(5, pngHues[1] / 4));
        // the darkest blue class (the largest decrease) itself, within palette tolerance
        int darkBlue = 0;
        for (int y = (int) l.legendY(); y < Math.min(first.getHeight(), l.legendY() + l.legendH()); y++) {
            for (int xx = (int) l.legendX(); xx < Math.min(first.getWidth(), l.legendX() + l.legendW()); xx++) {
                darkBlue += close(first.getRGB(xx, y), DivergingScale.arcClassColor(0, false), 16) ? 1 : 0;
            }
        }
        assertThat(darkBlue).as("pixels of the largest-decrease class colour in the GIF legend").isPositive();
    }

    /** Pixels of clearly blue and clearly red hue in the legend panel of a page image (96 dpi). */
    private static int[] legendHues(BufferedImage img, PrintLayout l) {
        int blue = 0, red = 0;
        int x1 = (int) Math.min(img.getWidth(), Math.ceil(l.legendX() + l.legendW()));
        int y1 = (int) Math.min(img.getHeight(), Math.ceil(l.legendY() + l.legendH()));
        for (int y = (int) Math.floor(l.legendY()); y < y1; y++) {
            for (int x = (int) Math.floor(l.legendX()); x < x1; x++) {
                int p = img.getRGB(x, y), r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
                if (b - r >= 40 && b >= g) {
                    blue++;
                } else if (r - b >= 40 && r - g >= 40) {
                    red++;
                }
            }
        }
        return new int[] {blue, red};
    }

    private static boolean close(int a, int b, int tol) {
        for (int s = 0; s < 24; s += 8) {
            if (Math.abs(((a >> s) & 255) - ((b >> s) & 255)) > tol) {
                return false;
            }
        }
        return true;
    }

    private static int[] offsets(double v) {
        int f = (int) Math.floor(v), c = (int) Math.ceil(v);
        return f == c ? new int[] {f} : new int[] {f, c};
    }

    /** Mean absolute channel difference (0–255) and share of pixels off by more than 64, over all of {@code img}. */
    private static double[] diff(BufferedImage page, int ox, int oy, BufferedImage img) {
        long sum = 0, big = 0, n = 0;
        int w = Math.min(img.getWidth(), page.getWidth() - ox), h = Math.min(img.getHeight(), page.getHeight() - oy);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = page.getRGB(ox + x, oy + y), b = img.getRGB(x, y);
                int m = 0;
                for (int s = 0; s < 24; s += 8) {
                    int d = Math.abs(((a >> s) & 255) - ((b >> s) & 255));
                    sum += d;
                    m = Math.max(m, d);
                }
                n++;
                big += m > 64 ? 1 : 0;
            }
        }
        return new double[] {(double) sum / (3.0 * n), (double) big / n};
    }

    private static Document parse(Path svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    }

    private static List<String> texts(Element root) {
        List<String> out = new ArrayList<>();
        NodeList t = root.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            out.add(t.item(i).getTextContent());
        }
        return out;
    }

    /**
     * The colours of a flows group's arcs: the fill of each tapered outline and the stroke of each hairline; strokes
     * in the land colour are the gaps cut into dashed arcs, not arcs.
     */
    private static Set<String> arcColours(Element flows, String landHex) {
        Set<String> out = new LinkedHashSet<>();
        NodeList paths = flows.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            String fill = p.getAttribute("fill"), stroke = p.getAttribute("stroke");
            if (!fill.isEmpty() && !fill.equals("none")) {
                out.add(fill.toLowerCase(Locale.ROOT));
            }
            if (!stroke.isEmpty() && !stroke.equalsIgnoreCase(landHex)) {
                out.add(stroke.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}

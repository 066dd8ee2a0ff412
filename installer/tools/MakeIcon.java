import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the EpiFlow icon (a flow arc between two places on a teal-to-blue tile) at the usual sizes, and the
 * Windows .ico. Run: java installer/tools/MakeIcon.java installer/icons
 */
public final class MakeIcon {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "installer/icons");
        Files.createDirectories(out);
        int[] sizes = {16, 24, 32, 48, 64, 128, 256, 512};
        List<byte[]> icoPngs = new ArrayList<>();
        List<Integer> icoSizes = new ArrayList<>();
        for (int s : sizes) {
            BufferedImage img = draw(s);
            Path file = out.resolve("epiflow-" + s + ".png");
            ImageIO.write(img, "png", file.toFile());
            if (s == 16 || s == 24 || s == 32 || s == 48 || s == 64 || s == 128 || s == 256) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                ImageIO.write(img, "png", b);
                icoPngs.add(b.toByteArray());
                icoSizes.add(s);
            }
        }
        Files.copy(out.resolve("epiflow-256.png"), out.resolve("epiflow.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        writeIco(out.resolve("epiflow.ico"), icoPngs, icoSizes);
    }

    static BufferedImage draw(int s) {
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double m = s * 0.04;
        g.setPaint(new GradientPaint(0, 0, new Color(0x14, 0xB8, 0xA6), s, s, new Color(0x1E, 0x3A, 0x8A)));
        g.fill(new RoundRectangle2D.Double(m, m, s - 2 * m, s - 2 * m, s * 0.36, s * 0.36));
        double ax = s * 0.26;
        double ay = s * 0.72;
        double bx = s * 0.74;
        double by = s * 0.36;
        double cx = s * 0.28;
        double cy = s * 0.22;
        double dx = bx - cx;
        double dy = by - cy;
        double len = Math.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        double nodeR = s * 0.075;
        double arrow = s * 0.16;
        double tipX = bx - ux * nodeR * 1.25;
        double tipY = by - uy * nodeR * 1.25;
        double baseX = tipX - ux * arrow;
        double baseY = tipY - uy * arrow;
        float w = (float) Math.max(1.2, s * 0.075);
        g.setColor(new Color(255, 255, 255, 235));
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Double(ax, ay, cx, cy, baseX + ux * arrow * 0.2, baseY + uy * arrow * 0.2));
        java.awt.geom.Path2D head = new java.awt.geom.Path2D.Double();
        head.moveTo(tipX, tipY);
        head.lineTo(baseX - uy * arrow * 0.55, baseY + ux * arrow * 0.55);
        head.lineTo(baseX + uy * arrow * 0.55, baseY - ux * arrow * 0.55);
        head.closePath();
        g.fill(head);
        double r = s * 0.09;
        g.setColor(new Color(0xF9, 0x73, 0x16));
        g.fill(new Ellipse2D.Double(ax - r, ay - r, 2 * r, 2 * r));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(bx - nodeR, by - nodeR, 2 * nodeR, 2 * nodeR));
        g.dispose();
        return img;
    }

    static void writeIco(Path file, List<byte[]> pngs, List<Integer> sizes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeShort(Short.reverseBytes((short) 1));
        out.writeShort(Short.reverseBytes((short) pngs.size()));
        int offset = 6 + 16 * pngs.size();
        for (int i = 0; i < pngs.size(); i++) {
            int s = sizes.get(i);
            out.writeByte(s >= 256 ? 0 : s);
            out.writeByte(s >= 256 ? 0 : s);
            out.writeByte(0);
            out.writeByte(0);
            out.writeShort(Short.reverseBytes((short) 1));
            out.writeShort(Short.reverseBytes((short) 32));
            out.writeInt(Integer.reverseBytes(pngs.get(i).length));
            out.writeInt(Integer.reverseBytes(offset));
            offset += pngs.get(i).length;
        }
        for (byte[] p : pngs) {
            out.write(p);
        }
        Files.write(file, bytes.toByteArray());
    }
}

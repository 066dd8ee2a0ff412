package org.epiflow.export.raster;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Median-cut colour quantisation to 256 colours over a 15-bit (5-5-5) histogram: fast (one pass to count, one to
 * map) and good for maps, whose pixels are a few flat fills plus antialiased edges. No dithering (keeps GIF frames
 * small and flat areas clean).
 */
final class Quantizer {
    private static final int BINS = 1 << 15;

    private Quantizer() {
    }

    private static final class Box {
        final int[] bins;
        final long count;
        final int channel;
        final int range;

        Box(int[] bins, int[] counts) {
            this.bins = bins;
            long c = 0;
            int[] lo = {31, 31, 31}, hi = {0, 0, 0};
            for (int b : bins) {
                c += counts[b];
                for (int ch = 0; ch < 3; ch++) {
                    int v = (b >> (10 - 5 * ch)) & 31;
                    lo[ch] = Math.min(lo[ch], v);
                    hi[ch] = Math.max(hi[ch], v);
                }
            }
            this.count = c;
            int best = 0;
            for (int ch = 1; ch < 3; ch++) {
                if (hi[ch] - lo[ch] > hi[best] - lo[best]) {
                    best = ch;
                }
            }
            this.channel = best;
            this.range = hi[best] - lo[best];
        }
    }

    static BufferedImage toIndexed(BufferedImage src) {
        int w = src.getWidth(), h = src.getHeight();
        int[] px = src.getRGB(0, 0, w, h, null, 0, w);
        int[] counts = new int[BINS];
        long[] sr = new long[BINS], sg = new long[BINS], sb = new long[BINS];
        for (int p : px) {
            int b = bin(p);
            counts[b]++;
            sr[b] += (p >> 16) & 255;
            sg[b] += (p >> 8) & 255;
            sb[b] += p & 255;
        }
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            if (counts[i] > 0) {
                used.add(i);
            }
        }
        PriorityQueue<Box> queue = new PriorityQueue<>(Comparator.comparingDouble((Box b) ->
                b.range == 0 ? -1 : (double) b.count * b.range).reversed());
        queue.add(new Box(used.stream().mapToInt(Integer::intValue).toArray(), counts));
        List<Box> done = new ArrayList<>();
        while (!queue.isEmpty() && queue.size() + done.size() < 256) {
            Box b = queue.poll();
            if (b.range == 0 || b.bins.length < 2) {
                done.add(b);
                continue;
            }
            int shift = 10 - 5 * b.channel;
            Integer[] sorted = new Integer[b.bins.length];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = b.bins[i];
            }
            java.util.Arrays.sort(sorted, Comparator.comparingInt(x -> (x >> shift) & 31));
            long half = b.count / 2, acc = 0;
            int cut = 1;
            for (int i = 0; i < sorted.length - 1; i++) {
                acc += counts[sorted[i]];
                cut = i + 1;
                if (acc >= half) {
                    break;
                }
            }
            int[] a = new int[cut], c = new int[sorted.length - cut];
            for (int i = 0; i < sorted.length; i++) {
                if (i < cut) {
                    a[i] = sorted[i];
                } else {
                    c[i - cut] = sorted[i];
                }
            }
            queue.add(new Box(a, counts));
            queue.add(new Box(c, counts));
        }
        done.addAll(queue);
        int n = done.size();
        // a full table of 256 entries: GIF writers take a palette of another size as a hint and re-map the pixels
        byte[] r = new byte[256], g = new byte[256], bl = new byte[256];
        byte[] lut = new byte[BINS];
        for (int i = 0; i < n; i++) {
            long cr = 0, cg = 0, cb = 0, cn = 0;
            for (int bin : done.get(i).bins) {
                cr += sr[bin];
                cg += sg[bin];
                cb += sb[bin];
                cn += counts[bin];
                lut[bin] = (byte) i;
            }
            cn = Math.max(1, cn);
            r[i] = (byte) (cr / cn);
            g[i] = (byte) (cg / cn);
            bl[i] = (byte) (cb / cn);
        }
        IndexColorModel cm = new IndexColorModel(8, 256, r, g, bl);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            data[i] = lut[bin(px[i])];
        }
        return out;
    }

    private static int bin(int p) {
        return ((p >> 9) & 0x7C00) | ((p >> 6) & 0x03E0) | ((p >> 3) & 0x001F);
    }
}

package org.epiflow.analytics.stats;

import java.util.SplittableRandom;

/** Gamma(shape, 1) draws by Marsaglia &amp; Tsang (2000), with the shape &lt; 1 boost; any positive shape. */
public final class GammaSampler {
    private GammaSampler() {
    }

    /** One draw of Gamma(shape, scale 1). */
    public static double draw(SplittableRandom rnd, double shape) {
        if (!(shape > 0)) {
            throw new IllegalArgumentException("shape must be positive: " + shape);
        }
        if (shape < 1) {
            double u = rnd.nextDouble();
            return draw(rnd, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rnd.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}

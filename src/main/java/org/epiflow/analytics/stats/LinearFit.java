package org.epiflow.analytics.stats;

/**
 * Ordinary least squares {@code y = Xb + e} (the caller adds a column of ones for an intercept), with the
 * residual variance and {@code (X'X)⁻¹} kept for prediction intervals.
 */
public final class LinearFit {
    private final double[] coef;
    private final double[][] xtxInv;
    private final double sigma2;
    private final int n;
    private final double r2;

    private LinearFit(double[] coef, double[][] xtxInv, double sigma2, int n, double r2) {
        this.coef = coef;
        this.xtxInv = xtxInv;
        this.sigma2 = sigma2;
        this.n = n;
        this.r2 = r2;
    }

    /**
     * Fits {@code y ~ x}.
     *
     * @throws IllegalArgumentException with fewer observations than coefficients + 1, or collinear columns
     */
    public static LinearFit fit(double[][] x, double[] y) {
        int n = y.length;
        int p = x.length == 0 ? 0 : x[0].length;
        if (n < p + 1) {
            throw new IllegalArgumentException("need more than " + p + " observations, have " + n);
        }
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < p; a++) {
                xty[a] += x[r][a] * y[r];
                for (int b = 0; b < p; b++) {
                    xtx[a][b] += x[r][a] * x[r][b];
                }
            }
        }
        double[][] inv = invert(xtx);
        double[] coef = new double[p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                coef[a] += inv[a][b] * xty[b];
            }
        }
        double sse = 0;
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double sst = 0;
        for (int r = 0; r < n; r++) {
            double e = y[r] - dot(coef, x[r]);
            sse += e * e;
            sst += (y[r] - mean) * (y[r] - mean);
        }
        return new LinearFit(coef, inv, sse / (n - p), n, sst > 0 ? 1 - sse / sst : 1);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gauss–Jordan inversion with partial pivoting. */
    static double[][] invert(double[][] m) {
        int p = m.length;
        double[][] a = new double[p][2 * p];
        double scale = 0;
        for (int i = 0; i < p; i++) {
            System.arraycopy(m[i], 0, a[i], 0, p);
            a[i][p + i] = 1;
            scale = Math.max(scale, Math.abs(m[i][i]));
        }
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            if (Math.abs(a[piv][c]) <= 1e-12 * Math.max(scale, 1e-300)) {
                throw new IllegalArgumentException("the explanatory variables are collinear");
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            double d = a[c][c];
            for (int k = 0; k < 2 * p; k++) {
                a[c][k] /= d;
            }
            for (int r = 0; r < p; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], p, inv[i], 0, p);
        }
        return inv;
    }

    public double[] coefficients() {
        return coef.clone();
    }

    /** Residual variance s² = SSE / (n − p). */
    public double residualVariance() {
        return sigma2;
    }

    public double rSquared() {
        return r2;
    }

    public int observations() {
        return n;
    }

    /** Residual degrees of freedom n − p. */
    public int degreesOfFreedom() {
        return n - coef.length;
    }

    /** The fitted mean at {@code x}. */
    public double predict(double[] x) {
        return dot(coef, x);
    }

    /** Standard error of a new observation at {@code x}: {@code s·sqrt(1 + x'(X'X)⁻¹x)}. */
    public double predictionError(double[] x) {
        double q = 0;
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < x.length; b++) {
                q += x[a] * xtxInv[a][b] * x[b];
            }
        }
        return Math.sqrt(sigma2 * (1 + q));
    }

    /** The two-sided prediction interval at {@code x} with coverage {@code level} (e.g. 0.95). */
    public double[] predictionInterval(double[] x, double level) {
        double t = StudentT.quantile(0.5 + level / 2, degreesOfFreedom());
        double m = predict(x);
        double h = t * predictionError(x);
        return new double[]{m - h, m + h};
    }
}

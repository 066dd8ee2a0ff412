/**
 * Benchmarks behind {@code epiflow bench …}: each prints the figures docs/performance.md quotes. Plain classes with
 * their options as constructor arguments; the picocli commands in {@code cli} only parse flags and call them. They
 * share {@link org.epiflow.bench.Stats} and {@link org.epiflow.bench.SyntheticNetworks}. Only {@code cli} depends on
 * this package (ArchitectureTest).
 */
package org.epiflow.bench;

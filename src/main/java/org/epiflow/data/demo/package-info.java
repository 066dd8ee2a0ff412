/**
 * The realistic demo scenario: a deterministic, seeded synthetic country (China's 367 prefecture-level units) with
 * gravity-model daily trips, a Spring-Festival migration, travel restrictions, and a hidden metapopulation SEIR
 * epidemic spread along those trips. {@link org.epiflow.data.demo.DemoScenario} generates it in memory;
 * {@link org.epiflow.data.demo.DemoInstaller} writes keys, the sealed bundle, the case table and the hidden truth;
 * {@link org.epiflow.data.demo.DemoLocator} finds or creates the demo in the user's application-data folder.
 * See docs/demo.md for the models and their parameters. No JavaFX.
 */
package org.epiflow.data.demo;

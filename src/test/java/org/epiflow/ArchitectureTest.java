package org.epiflow;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the layer arrows honest: ui → map/export/analytics → data → bundle/model. */
@AnalyzeClasses(packages = "org.epiflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiImportsJavaFx = noClasses()
            .that().resideOutsideOfPackages("org.epiflow.ui..", "org.epiflow.map.fx..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("only the ui layer (and the map's JavaFX painter) may touch JavaFX");

    @ArchTest
    static final ArchRule modelDependsOnNothing = noClasses()
            .that().resideInAPackage("org.epiflow.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.epiflow.bundle..", "org.epiflow.data..", "org.epiflow.map..", "org.epiflow.analytics..",
                    "org.epiflow.export..", "org.epiflow.ui..", "org.epiflow.cli..");

    @ArchTest
    static final ArchRule textDependsOnNothing = noClasses()
            .that().resideInAPackage("org.epiflow.text..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.epiflow.model..", "org.epiflow.bundle..", "org.epiflow.data..", "org.epiflow.map..",
                    "org.epiflow.analytics..", "org.epiflow.export..", "org.epiflow.ui..", "org.epiflow.cli..",
                    "org.epiflow.bench..")
            .because("messages are the lowest layer: every layer may create them, they know no layer");

    @ArchTest
    static final ArchRule bundleStaysLow = noClasses()
            .that().resideInAPackage("org.epiflow.bundle..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.epiflow.data..", "org.epiflow.map..", "org.epiflow.analytics..",
                    "org.epiflow.export..", "org.epiflow.ui..", "org.epiflow.cli..");

    @ArchTest
    static final ArchRule dataBelowViews = noClasses()
            .that().resideInAPackage("org.epiflow.data..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.epiflow.map..", "org.epiflow.analytics..", "org.epiflow.export..",
                    "org.epiflow.ui..", "org.epiflow.cli..");

    @ArchTest
    static final ArchRule middleLayersBelowUi = noClasses()
            .that().resideInAnyPackage("org.epiflow.map..", "org.epiflow.analytics..", "org.epiflow.export..")
            .should().dependOnClassesThat().resideInAnyPackage("org.epiflow.ui..", "org.epiflow.cli..");

    @ArchTest
    static final ArchRule onlyCliRunsBenchmarks = noClasses()
            .that().resideOutsideOfPackages("org.epiflow.cli..", "org.epiflow.bench..")
            .should().dependOnClassesThat().resideInAPackage("org.epiflow.bench..")
            .because("benchmarks are run from the command line only");

    @ArchTest
    static final ArchRule benchBelowUiAndCli = noClasses()
            .that().resideInAPackage("org.epiflow.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("org.epiflow.ui..", "org.epiflow.cli..");

    @ArchTest
    static final ArchRule cliHasNoGui = noClasses()
            .that().resideInAPackage("org.epiflow.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.epiflow.ui..");

    @ArchTest
    static final ArchRule noNetworkClasses = noClasses()
            .that().resideInAPackage("org.epiflow..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .because("EpiFlow makes no network connection of any kind");
}

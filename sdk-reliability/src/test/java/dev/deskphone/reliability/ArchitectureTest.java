package dev.deskphone.reliability;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on the compiled main classes of every module: the core knows no
 * vendor, JAXB stays in the Unify module's XML package, the fakes never lean on the vendor modules'
 * encoders (so an encoding bug cannot hide by being mirrored on both sides), and no two packages of
 * the SDK depend on each other in a cycle.
 */
class ArchitectureTest {
  private static final JavaClasses SDK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.deskphone");

  @Test
  void theCoreKnowsNoVendor() {
    noClasses()
        .that()
        .resideInAPackage("dev.deskphone.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.deskphone.snom..",
            "dev.deskphone.unify..",
            "dev.deskphone.servlet..",
            "dev.deskphone.testkit..",
            "dev.deskphone.cli..")
        .check(SDK);
  }

  @Test
  void theCoreDependsOnTheJdkAndSlf4jAlone() {
    noClasses()
        .that()
        .resideInAPackage("dev.deskphone.core..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("dev.deskphone.core..", "java..", "javax..", "org.slf4j..")
        .check(SDK);
  }

  @Test
  void jaxbStaysInTheUnifyXmlPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.deskphone.unify.internal.xml..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.xml.bind..", "org.glassfish.jaxb..")
        .check(SDK);
  }

  @Test
  void theFakesUseNoEncoderOfTheVendorModules() {
    noClasses()
        .that()
        .resideInAPackage("dev.deskphone.testkit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.deskphone.unify.internal..",
            "dev.deskphone.snom.internal..",
            "dev.deskphone.core.internal.auth..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.deskphone.unify.TurnledXml")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.deskphone.snom.SnomCommand")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.deskphone.snom.SnomKeySequence")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.deskphone.snom.SnomSettings")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.deskphone.snom.FunctionKey")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching("dev\\.deskphone\\.snom\\.(Minibrowser.*|SnomFragment)")
        .orShould()
        .callMethod(
            "dev.deskphone.unify.SendUrlKey", "request", "java.lang.String", "java.lang.String")
        .check(SDK);
  }

  @Test
  void servletsOnlyInTheServletModule() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.deskphone.servlet..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.servlet..")
        .check(SDK);
  }

  /**
   * No cycles, with one exception: the fake phones' scripts in {@code testkit.internal} build the
   * testkit's public journal records ({@code PressedKey}, {@code Touch}, {@code FakeRequest}, ...),
   * and the reliability fuzzers drive those scripts from outside the package. Moving the scripts
   * into the public package would hide them from their fuzzers; mirroring every record inside would
   * duplicate them. Every library module (core, snom, unify, servlet) is free of cycles.
   */
  @Test
  void noPackageCycles() {
    slices()
        .matching("dev.deskphone.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            resideInAPackage("dev.deskphone.testkit.internal.."),
            resideInAPackage("dev.deskphone.testkit"))
        .check(SDK);
  }
}

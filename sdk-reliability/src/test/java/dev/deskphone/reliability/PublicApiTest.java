package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public API of each published module, as a committed listing ({@code <module>/api.txt}): every
 * public or protected type, constructor, method and field of the packages its {@code module-info}
 * exports to everyone. A change to the surface fails here until the listing is updated, so every
 * API change is a visible diff in review. To accept a change: {@code ./mvnw -q -pl sdk-reliability
 * -am verify -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true}.
 */
class PublicApiTest {
  private static final Pattern EXPORTS = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;");

  @ParameterizedTest
  @ValueSource(strings = {"sdk-core", "sdk-snom", "sdk-unify", "sdk-testkit", "sdk-servlet"})
  void theListingMatchesTheCode(String module) throws Exception {
    Path root = Path.of("..").resolve(module).normalize();
    if (!Files.isDirectory(root)) {
      return; // a module this branch does not have yet
    }
    String listing = listing(root);
    Path committed = root.resolve("api.txt");
    if (Boolean.getBoolean("api.update")) {
      Files.writeString(committed, listing, StandardCharsets.UTF_8);
    }
    String expected = Files.exists(committed) ? Files.readString(committed) : "";
    assertThat(listing)
        .as(
            "%s's public API differs from %s; if the change is meant, run with -Dapi.update=true"
                + " and commit the listing",
            module, committed)
        .isEqualTo(expected);
  }

  /** The listing: per exported package, its public types in name order, each with its members. */
  static String listing(Path module) throws IOException, ClassNotFoundException {
    String moduleInfo =
        Files.readString(module.resolve("src/main/java/module-info.java"), StandardCharsets.UTF_8);
    List<String> packages = new ArrayList<>();
    Matcher m = EXPORTS.matcher(moduleInfo);
    while (m.find()) {
      packages.add(m.group(1));
    }
    Path classes = module.resolve("target/classes");
    StringBuilder out = new StringBuilder();
    for (String pkg : packages.stream().sorted().toList()) {
      Path dir = classes.resolve(pkg.replace('.', '/'));
      List<Class<?>> types = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (!name.endsWith(".class") || name.equals("package-info.class")) {
            continue;
          }
          Class<?> type =
              Class.forName(
                  pkg + "." + name.substring(0, name.length() - 6),
                  false,
                  PublicApiTest.class.getClassLoader());
          if (isVisible(type)) {
            types.add(type);
          }
        }
      }
      types.sort(Comparator.comparing(Class::getName));
      out.append("package ").append(pkg).append('\n');
      for (Class<?> type : types) {
        out.append('\n').append(describe(type)).append('\n');
        for (String member : members(type)) {
          out.append("  ").append(member).append('\n');
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** A public type whose enclosing types are public too (a public nested type of one). */
  private static boolean isVisible(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Class<?> type) {
    String kind =
        type.isAnnotation()
            ? "@interface"
            : type.isInterface()
                ? "interface"
                : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    int modifiers =
        type.getModifiers()
            & (Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT);
    if (type.isInterface()) {
      modifiers &= ~Modifier.ABSTRACT;
    }
    if (type.isEnum() || type.isRecord()) {
      modifiers &= ~Modifier.FINAL;
    }
    StringBuilder s = new StringBuilder(Modifier.toString(modifiers)).append(' ');
    if (type.isSealed()) {
      s.append("sealed ");
    }
    s.append(kind).append(' ').append(type.getCanonicalName());
    if (type.getTypeParameters().length > 0) {
      s.append(
          Arrays.stream(type.getTypeParameters())
              .map(PublicApiTest::typeParameter)
              .collect(Collectors.joining(", ", "<", ">")));
    }
    if (type.getGenericSuperclass() != null
        && type.getSuperclass() != Object.class
        && !type.isEnum()
        && !type.isRecord()) {
      s.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      s.append(type.isInterface() ? " extends " : " implements ");
      s.append(
          String.join(
              ", ", Arrays.stream(type.getGenericInterfaces()).map(t -> t.getTypeName()).toList()));
    }
    return s.toString();
  }

  private static List<String> members(Class<?> type) {
    List<String> out = new ArrayList<>();
    Comparator<String> byName =
        Comparator.comparing((String line) -> memberName(line)).thenComparing(line -> line);
    for (Field f : type.getDeclaredFields()) {
      if (visible(f) && !f.isSynthetic()) {
        out.add(prefix(f) + f.getGenericType().getTypeName() + " " + f.getName());
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c) && !c.isSynthetic() && !type.isEnum()) {
        out.add(prefix(c) + type.getSimpleName() + parameters(c));
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (visible(method) && !method.isSynthetic() && !method.isBridge()) {
        String generics =
            method.getTypeParameters().length == 0
                ? ""
                : Arrays.stream(method.getTypeParameters())
                    .map(t -> t.getTypeName())
                    .reduce((a, b) -> a + ", " + b)
                    .map(t -> "<" + t + "> ")
                    .orElse("");
        String modifiers = prefix(method);
        if (type.isInterface() && method.isDefault()) {
          modifiers = modifiers + "default ";
        }
        out.add(
            modifiers
                + generics
                + method.getGenericReturnType().getTypeName()
                + " "
                + method.getName()
                + parameters(method));
      }
    }
    out.sort(byName);
    return out;
  }

  /** The member's name: the word before its parameters, or a field's last word. */
  private static String memberName(String line) {
    int paren = line.indexOf('(');
    String head = paren < 0 ? line : line.substring(0, paren);
    return head.substring(head.lastIndexOf(' ') + 1);
  }

  private static String typeParameter(TypeVariable<?> variable) {
    List<String> bounds =
        Arrays.stream(variable.getBounds())
            .filter(b -> b != Object.class)
            .map(t -> t.getTypeName())
            .toList();
    return bounds.isEmpty()
        ? variable.getName()
        : variable.getName() + " extends " + String.join(" & ", bounds);
  }

  private static boolean visible(Member member) {
    int m = member.getModifiers();
    return Modifier.isPublic(m) || Modifier.isProtected(m);
  }

  private static String prefix(Member member) {
    int m =
        member.getModifiers()
            & (Modifier.PUBLIC
                | Modifier.PROTECTED
                | Modifier.STATIC
                | Modifier.FINAL
                | Modifier.ABSTRACT);
    if (member.getDeclaringClass().isInterface()) {
      m &= ~(Modifier.ABSTRACT | Modifier.PUBLIC);
      m |= Modifier.PUBLIC;
    }
    String s = Modifier.toString(m);
    return s.isEmpty() ? "" : s + " ";
  }

  private static String parameters(Executable e) {
    return Arrays.stream(e.getGenericParameterTypes())
            .map(t -> t.getTypeName())
            .reduce((a, b) -> a + ", " + b)
            .map(p -> "(" + p + ")")
            .orElse("()")
        + (e.getExceptionTypes().length == 0
            ? ""
            : " throws "
                + String.join(
                    ", ", Arrays.stream(e.getExceptionTypes()).map(Class::getName).toList()));
  }
}

package dev.deskphone.testkit.junit;

import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts and closes the fake phones of a test: fields and parameters annotated {@link SnomFake} or
 * {@link UnifyFake} (which register this extension themselves). Static fields live for the test
 * class (started before {@code @BeforeAll}, closed after {@code @AfterAll}); instance fields and
 * parameters of test and {@code @BeforeEach} methods for one test. A fake that received requests it
 * did not understand fails the test when it is closed, unless it is lenient.
 *
 * <p>A field that is null gets a fake configured by its annotation; a field the test initialised
 * keeps its fake and is only closed. Fields the extension filled are set back to null after
 * closing. On the module path, open the test package to {@code dev.deskphone.testkit}.
 *
 * <p>Thread-safe as JUnit uses it: all state lives in the extension context's store.
 */
public final class FakePhoneExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakePhoneExtension.class);

  /** Created by JUnit. */
  public FakePhoneExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    fill(context, null, context.getRequiredTestClass());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      fill(context, instance, instance.getClass());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ManagedFakes.of(context, NAMESPACE).closeAll();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ManagedFakes.of(context, NAMESPACE).closeAll();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return (type == FakeSnomPhone.class || type == FakeUnifyPhone.class)
        && (parameter.isAnnotated(SnomFake.class) || parameter.isAnnotated(UnifyFake.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String where = "parameter " + parameter.getParameter();
    Object fake = start(parameter.getParameter().getType(), parameter.getParameter(), where);
    ManagedFakes.of(context, NAMESPACE).add(fake, null, null);
    return fake;
  }

  private static void fill(ExtensionContext context, Object instance, Class<?> type) {
    boolean statics = instance == null;
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        boolean annotated =
            field.isAnnotationPresent(SnomFake.class) || field.isAnnotationPresent(UnifyFake.class);
        if (!annotated || Modifier.isStatic(field.getModifiers()) != statics) {
          continue;
        }
        manage(context, instance, field);
      }
    }
  }

  private static void manage(ExtensionContext context, Object instance, Field field) {
    String where = "field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
    try {
      field.setAccessible(true);
      Object value = field.get(instance);
      boolean ours = value == null;
      if (ours) {
        value = start(field.getType(), field, where);
        field.set(instance, value);
      }
      ManagedFakes.of(context, NAMESPACE).add(value, ours ? field : null, instance);
    } catch (IllegalAccessException | RuntimeException e) {
      if (e instanceof ExtensionConfigurationException x) {
        throw x;
      }
      throw new ExtensionConfigurationException("cannot manage the fake phone in " + where, e);
    }
  }

  private static Object start(Class<?> type, AnnotatedElement element, String where) {
    if (type == FakeSnomPhone.class) {
      return FakeConfig.start(element.getAnnotation(SnomFake.class), where);
    }
    if (type == FakeUnifyPhone.class) {
      return FakeConfig.start(element.getAnnotation(UnifyFake.class), where);
    }
    throw new ExtensionConfigurationException(
        where + " must be a FakeSnomPhone or a FakeUnifyPhone, not " + type.getSimpleName());
  }
}

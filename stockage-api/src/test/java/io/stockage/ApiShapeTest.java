package io.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shape of the user API, read from its classes: every type a host reaches from
 * {@link Stockage} through method signatures and record components. No public method takes an
 * {@code Optional} or more than three parameters besides the {@link Subject}, and no type comes
 * from an SPI package.
 */
class ApiShapeTest {
  private static final Set<Class<?>> OPTIONALS =
      Set.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);

  @Test
  void userApi_hasNoOptionalParametersNoLongSignaturesAndNoSpiTypes() {
    List<String> problems = new ArrayList<>();
    Set<Class<?>> reached = reachable(Stockage.class);
    for (Class<?> type : reached) {
      if (type.getPackageName().startsWith("io.stockage.spi")) {
        problems.add(type.getName() + " is an SPI type in the user API");
      }
      for (Method m : declaredApiMethods(type)) {
        String name = type.getSimpleName() + "." + m.getName();
        Class<?>[] params = m.getParameterTypes();
        long besidesSubject = java.util.Arrays.stream(params).filter(p -> p != Subject.class).count();
        if (besidesSubject > 3) {
          problems.add(name + " takes " + besidesSubject + " parameters besides the subject");
        }
        for (Class<?> p : params) {
          if (OPTIONALS.contains(p)) {
            problems.add(name + " takes an " + p.getSimpleName());
          }
        }
      }
    }
    assertThat(reached).as("the views are reached").contains(Files.class, Projects.class, Sharing.class, Item.class);
    assertThat(problems).as("the user API's shape").isEmpty();
  }

  @Test
  void views_areShortAndTakeTheSubjectFirst() {
    for (Method view : Stockage.class.getDeclaredMethods()) {
      Class<?> type = view.getReturnType();
      if (!type.isInterface() || view.getParameterCount() > 0) {
        continue;
      }
      assertThat(type.getMethods().length).as("%s stays a short view", type.getSimpleName()).isLessThanOrEqualTo(20);
      for (Method m : type.getMethods()) {
        boolean bearer = type == Sharing.class && m.getName().matches("open.*|presign.*");
        boolean host = type == Maintenance.class;
        if (!bearer && !host) {
          assertThat(m.getParameterTypes()).as("%s.%s takes the subject first", type.getSimpleName(), m.getName())
              .isNotEmpty().startsWith(Subject.class);
        }
      }
    }
  }

  // Every io.stockage type reachable from the root through public signatures and record components.
  private static Set<Class<?>> reachable(Class<?> root) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Class<?> type = todo.pop();
      if (!type.getName().startsWith("io.stockage") || !seen.add(type)) {
        continue;
      }
      List<Type> refs = new ArrayList<>();
      for (Method m : declaredApiMethods(type)) {
        refs.add(m.getGenericReturnType());
        refs.addAll(List.of(m.getGenericParameterTypes()));
      }
      if (type.isRecord()) {
        for (RecordComponent c : type.getRecordComponents()) {
          refs.add(c.getGenericType());
        }
      }
      refs.addAll(List.of(type.getGenericInterfaces()));
      for (Class<?> nested : type.getDeclaredClasses()) {
        if (Modifier.isPublic(nested.getModifiers())) {
          refs.add(nested);
        }
      }
      for (Type ref : refs) {
        classesOf(ref, todo);
      }
    }
    return seen;
  }

  private static void classesOf(Type type, Deque<Class<?>> into) {
    if (type instanceof Class<?> c) {
      into.push(c.isArray() ? c.getComponentType() : c);
    } else if (type instanceof ParameterizedType p) {
      classesOf(p.getRawType(), into);
      for (Type arg : p.getActualTypeArguments()) {
        classesOf(arg, into);
      }
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        classesOf(bound, into);
      }
    }
  }

  // The public methods a type declares (not those of Object, Enum or Record).
  private static List<Method> declaredApiMethods(Class<?> type) {
    return java.util.Arrays.stream(type.getMethods())
        .filter(m -> m.getDeclaringClass().getName().startsWith("io.stockage"))
        .filter(m -> !m.isSynthetic() && !m.isBridge())
        .toList();
  }
}

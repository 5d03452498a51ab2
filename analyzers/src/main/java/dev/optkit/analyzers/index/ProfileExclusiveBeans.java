package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Calls that cannot reach an implementation of another Spring profile (trial 93: petclinic-rest's
 * {@code @Profile("jdbc") JdbcPetRepositoryImpl} calls its {@code OwnerRepository}, whose implementations are
 * {@code @Profile("jdbc")}, {@code @Profile("jpa")} and a {@code @Profile("spring-data-jpa")} repository; the chain
 * through the jpa one was a reason). The caller's field of the interface is injected by type. In a context where both
 * the caller's and the target's profiles are on, an implementation whose profiles cover the caller's is a bean too, so
 * the field would have two candidates and the application would not start: no @Primary or @Priority among them, no
 * qualifier, no field or constructor parameter named as the target bean, no {@code @Bean} method making one. Profiles
 * written as expressions ({@code "!jpa"}, {@code "a & b"}) or not as literals decide nothing.
 */
final class ProfileExclusiveBeans {
  private static final Set<String> STEREOTYPES = Set.of("Component", "Service", "Repository", "Controller",
      "RestController", "Configuration");

  private final ProjectIndex index;
  private List<String> scanned;

  ProfileExclusiveBeans(ProjectIndex index) {
    this.index = index;
  }

  /** Whether the caller's call cannot run the target: their classes' profiles never make one working context. */
  boolean impossible(IndexedMethod caller, CallRef call, IndexedMethod target) {
    String interfaceType = call.receiverType();
    String callerType = caller.fact().ownerType();
    String targetType = target.fact().ownerType();
    if (interfaceType == null || call.qualifier() != null || targetType.equals(interfaceType)
        || caller.fact().isStatic()) {
      return false;
    }
    // a subclass runs the caller's code under its own profiles (hostile review 95's p09: a jpa subclass of the jdbc one)
    if (index.subtypesOf(callerType).stream().anyMatch(sub -> !sub.equals(callerType))) {
      return false;
    }
    Set<String> callerProfiles = profiles(callerType);
    Set<String> targetProfiles = profiles(targetType);
    if (callerProfiles == null || targetProfiles == null || callerProfiles.isEmpty() || targetProfiles.isEmpty()
        || callerProfiles.stream().anyMatch(targetProfiles::contains)) {
      return false;
    }
    TypeFact declared = index.type(interfaceType).orElse(null);
    TypeFact callerFact = index.type(callerType).orElse(null);
    if (declared == null || !declared.isInterface() || callerFact == null || !InjectedFields.onField(call, callerFact)
        || namesBean(callerFact, interfaceType, beanName(targetType))) {
      return false;
    }
    // what picks the bean beside the type: a constructor parameter's annotation (q02b, q03), a qualifier Lombok may
    // copy from a field onto the constructor it writes (q01b: lombok.config's copyableAnnotations), and the caller
    // made by a @Bean method or with new under another profile's configuration (q05)
    boolean lombokConstructor = callerFact.annotations().stream().map(a -> a.substring(a.lastIndexOf('.') + 1))
        .anyMatch(a -> a.equals("RequiredArgsConstructor") || a.equals("AllArgsConstructor") || a.equals("Builder"));
    boolean annotatedParameters = index.methodsOfType(callerType).stream().anyMatch(m -> m.fact().isConstructor()
        && m.fact().modifiers().annotatedParameters());
    List<String> callerTypes = new java.util.ArrayList<>(index.supertypesOf(callerType));
    callerTypes.add(callerType);
    boolean madeElsewhere = index.methods().stream().anyMatch(m -> m.fact().hasAnnotation(
            "org.springframework.context.annotation.Bean") && callerTypes.contains(m.fact().returnType())
        || m.fact().constructorCalls().stream().anyMatch(c -> callerType.equals(c.receiverType())));
    if (lombokConstructor || annotatedParameters || madeElsewhere) {
      return false;
    }
    boolean primaryOrMade = index.subtypesOf(interfaceType).stream().map(index::type).flatMap(Optional::stream)
        .anyMatch(t -> t.hasAnnotation("org.springframework.context.annotation.Primary")
            || t.hasAnnotation("jakarta.annotation.Priority") || t.hasAnnotation("javax.annotation.Priority"))
        || index.methods().stream().anyMatch(m -> m.fact().hasAnnotation("org.springframework.context.annotation.Bean")
            && (m.fact().returnType().equals(interfaceType) || index.subtypesOf(interfaceType).contains(m.fact().returnType())));
    if (primaryOrMade) {
      return false;
    }
    // a bean whenever the caller is: no profile, or on in every profile that makes the caller
    return index.subtypesOf(interfaceType).stream().filter(t -> !t.equals(targetType) && !t.equals(interfaceType))
        .anyMatch(other -> {
          Set<String> otherProfiles = profiles(other);
          return otherProfiles != null && (otherProfiles.isEmpty() || otherProfiles.containsAll(callerProfiles))
              && scannedBean(other) && unconditional(other);
        });
  }

  /**
   * A bean whenever its profiles are on: no {@code @Conditional...} annotation (hostile review 95's p05: a property
   * chose the other implementation), no annotation of the project's own, which may carry a condition or a profile
   * (p07: {@code @JdbcOnly} meaning {@code @Profile("jdbc & !jpa")}).
   */
  private boolean unconditional(String type) {
    TypeFact fact = index.type(type).orElse(null);
    // only annotations known to change nothing of when and whether it is the bean (hostile review 96's q04: Spring
    // 6.2's @Fallback, which the others' @Fallback gives way to)
    return fact != null && fact.annotations().stream().allMatch(a -> {
      String simple = a.substring(a.lastIndexOf('.') + 1);
      return index.type(a).isEmpty() && index.typesNamed(simple).isEmpty()
          && (STEREOTYPES.contains(simple) || NEUTRAL.contains(simple) || a.startsWith("lombok."));
    });
  }

  /** Annotations of a bean class that leave which bean is injected alone. */
  private static final Set<String> NEUTRAL = Set.of("Profile", "Transactional", "Validated", "Slf4j", "Log4j2",
      "Getter", "Setter", "RequiredArgsConstructor", "AllArgsConstructor", "NoArgsConstructor", "SuppressWarnings",
      "Deprecated", "DependsOnDatabaseInitialization", "Order");

  /** The names in the type's {@code @Profile}: empty for none, null for one optkit cannot read. */
  private Set<String> profiles(String type) {
    TypeFact fact = index.type(type).orElse(null);
    if (fact == null) {
      return null;
    }
    String value = fact.annotationValue("org.springframework.context.annotation.Profile", "value");
    if (value == null) {
      return fact.hasAnnotation("org.springframework.context.annotation.Profile") ? null : Set.of();
    }
    Set<String> names = new HashSet<>(List.of(value.split(",")));
    return names.stream().allMatch(n -> n.matches("[A-Za-z0-9_.-]+")) ? names : null;
  }

  /** A field or a constructor parameter of the interface named as the bean: Spring picks that bean by name. */
  private boolean namesBean(TypeFact caller, String interfaceType, String bean) {
    boolean field = caller.fieldTypes().entrySet().stream()
        .anyMatch(f -> f.getKey().equals(bean) && f.getValue().replaceAll("<.*", "").equals(interfaceType));
    boolean parameter = index.methods().stream().filter(m -> m.fact().ownerType().equals(caller.qualifiedName())
        && m.fact().isConstructor()).flatMap(m -> m.fact().params().stream()).anyMatch(p -> p.name().equals(bean));
    return field || parameter;
  }

  /** The bean's name: the stereotype's value, else the simple name with a lower-case first letter. */
  private String beanName(String type) {
    TypeFact fact = index.type(type).orElseThrow();
    for (String stereotype : STEREOTYPES) {
      String value = fact.annotationValue(stereotype, "value");
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    String simple = fact.simpleName();
    return simple.length() > 1 && Character.isUpperCase(simple.charAt(1)) ? simple
        : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  /**
   * A class with a stereotype or a Spring Data repository interface, in a package a {@code @SpringBootApplication}
   * class scans (its own and below): the bean exists whenever its profile is on.
   */
  private boolean scannedBean(String type) {
    TypeFact fact = index.type(type).orElse(null);
    if (fact == null) {
      return false;
    }
    // a class: no abstract method and no subclass of its own (an abstract class has them; one with neither is taken
    // for the bean it would be)
    boolean bean = fact.isInterface() ? index.supertypesOf(type).stream().anyMatch(s -> s.startsWith("org.springframework.data."))
        : STEREOTYPES.stream().anyMatch(fact::hasAnnotation) && index.subtypesOf(type).stream().allMatch(type::equals)
            && index.methods().stream().noneMatch(m -> m.fact().ownerType().equals(type) && m.fact().isAbstract());
    if (!bean) {
      return false;
    }
    if (scanned == null) {
      String application = "org.springframework.boot.autoconfigure.SpringBootApplication";
      scanned = index.types().stream().filter(t -> t.hasAnnotation(application)
          && t.annotationValue(application, "scanBasePackages") == null
          // scanBasePackageClasses, exclude: another scan than the package's (hostile review 96's q06b)
          && t.annotationValue(application, "scanBasePackageClasses") == null
          && t.annotationValue(application, "exclude") == null && t.annotationValue(application, "excludeName") == null
          && !t.hasAnnotation("org.springframework.context.annotation.ComponentScan"))
          .map(t -> t.qualifiedName().contains(".") ? t.qualifiedName().substring(0, t.qualifiedName().lastIndexOf('.') + 1) : "")
          .toList();
    }
    return scanned.stream().anyMatch(type::startsWith);
  }
}

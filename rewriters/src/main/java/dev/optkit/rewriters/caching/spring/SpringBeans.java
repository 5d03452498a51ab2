package dev.optkit.rewriters.caching.spring;

import dev.optkit.rewriters.caching.SpringXmlScans;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Spring must get right for a cache annotation to work on a bean: one bean per class, a
 * component scan that registers optkit's configuration, and injection a proxy can satisfy.
 */
public final class SpringBeans {
  private final ProjectIndex index;
  private final ProjectTraits traits;
  /** How Spring starts the project: Boot seen or not, the aop settings. */
  private final dev.optkit.rewriters.caching.SpringStartup startup;
  private final SpringTestClasses tests;
  /** When a bean's caching proxy is a JDK proxy: what every refusal of a use by the bean's class says. */
  private static final String JDK_PROXY = "outside Spring Boot, and under Boot where the project sets spring.aop "
      + "properties at all, the caching proxy may be a JDK proxy of its interfaces";

  /** A file's tree when its text holds any of the words (a bean's name), else empty: most files are not parsed. */
  private final java.util.function.BiFunction<String, java.util.Collection<String>,
      Optional<com.github.javaparser.ast.CompilationUnit>> unitMentioning;
  /** The project's lookups of beans by class: held literals, helpers, computed classes. */
  private final BeanLookups lookups;

  public SpringBeans(ProjectIndex index, ProjectTraits traits, dev.optkit.rewriters.caching.SpringStartup startup,
      java.util.function.BiFunction<String, java.util.Collection<String>,
          Optional<com.github.javaparser.ast.CompilationUnit>> unitMentioning) {
    this.index = index;
    this.traits = traits;
    this.startup = startup;
    this.tests = new SpringTestClasses(index);
    this.unitMentioning = unitMentioning;
    this.lookups = new BeanLookups(index, unitMentioning);
  }

  static final Set<String> SPRING_BEAN_ANNOTATIONS = dev.optkit.analyzers.index.SpringStereotypes.COMPONENTS;

  /**
   * Whether the class is a bean: by its own stereotype annotation ({@code @Service}, {@code @Component}...),
   * or as the implementation of a Spring Data repository's fragment.
   */
  public boolean isBeanClass(String type) {
    // Spring Data registers a repository's fragment implementation (XxxRepositoryCustomImpl) as a bean, and the
    // repository calls it through that bean, proxy and all
    return index.type(type).map(SpringBeans::stereotyped).orElse(false) || index.repositoryImplementation(type);
  }

  /**
   * A class no stereotype makes a bean, whose every concrete subclass in the project is one
   * ({@code abstract class AbstractService} under {@code @Service ProductService}): each such bean's proxy
   * runs the methods it inherits, annotations and all. Leaves of the hierarchy count; none means no bean.
   */
  public boolean beanThroughSubclasses(String type) {
    java.util.Set<String> subtypes = index.subtypesOf(type);
    if (subtypes.isEmpty() || index.type(type).filter(t -> t.kind().equals("class")).isEmpty()) {
      return false;
    }
    // every subclass a bean Spring can subclass for its proxy, and no object of the hierarchy made with new
    // (an anonymous subclass included): that one's inherited method would run without a proxy
    java.util.Set<String> hierarchy = new java.util.HashSet<>(subtypes);
    hierarchy.add(type);
    return subtypes.stream().allMatch(sub -> isBeanClass(sub) && index.type(sub).map(t -> !t.isFinal()).orElse(false))
        && index.files().stream().filter(file -> !SourceSet.isTestPath(file.path()))
            .flatMap(file -> file.creations().stream()).noneMatch(creation -> hierarchy.contains(creation.type()));
  }

  /**
   * A stereotype annotation, however the file names it: qualified, imported, or through an on-demand
   * import ({@code import org.springframework.web.bind.annotation.*;} leaves it {@code RestController}).
   */
  public static boolean stereotyped(TypeFact type) {
    return SPRING_BEAN_ANNOTATIONS.stream().anyMatch(type::hasAnnotation);
  }


  /**
   * Beans of the class besides the one the component scan makes: {@code @Bean} methods returning
   * it or constructing it. A Spring cache is one per name, shared by every bean of the class, so
   * one bean's answer (another data source, another configuration) would be served by the others.
   */
  public Optional<String> otherBeansOfTheClass(String type) {
    return otherBeans.computeIfAbsent(type, this::findOtherBeans);
  }

  private final Map<String, Optional<String>> otherBeans = new java.util.HashMap<>();

  /**
   * The production code's bean definitions by the class they make: {@code @Bean} methods by their return type (as
   * each names itself in a refusal), bean creations the facts mark, and XML {@code <bean>} classes.
   */
  private record BeanDefinitions(Map<String, List<String>> byMethod,
      Map<String, List<dev.optkit.analyzers.facts.FileFacts.Creation>> byCreation, java.util.Set<String> inXml) {}

  private BeanDefinitions beanDefinitions;

  /** Found in one pass over the project, the first time a cached method's class asks (not one pass per class). */
  private BeanDefinitions beanDefinitions() {
    if (beanDefinitions == null) {
      Map<String, List<String>> byMethod = new java.util.HashMap<>();
      for (IndexedMethod method : index.methods()) {
        if (!SourceSet.isTestPath(method.path())
            && method.fact().annotations().stream().anyMatch(a -> a.endsWith("Bean"))) {
          byMethod.computeIfAbsent(method.fact().returnType(), t -> new java.util.ArrayList<>())
              .add(method.fact().displayName() + "()");
        }
      }
      Map<String, List<dev.optkit.analyzers.facts.FileFacts.Creation>> byCreation = new java.util.HashMap<>();
      for (var file : index.files()) {
        if (SourceSet.isTestPath(file.path())) {
          continue;
        }
        for (var creation : file.creations()) {
          if (creation.site() == dev.optkit.analyzers.facts.FileFacts.Creation.Site.BEAN) {
            byCreation.computeIfAbsent(creation.type(), t -> new java.util.ArrayList<>()).add(creation);
          }
        }
      }
      beanDefinitions = new BeanDefinitions(byMethod, byCreation,
          java.util.Set.copyOf(SpringXmlScans.beanClasses(traits.root())));
    }
    return beanDefinitions;
  }

  private Optional<String> findOtherBeans(String type) {
    BeanDefinitions all = beanDefinitions();
    java.util.Set<String> definitions = new java.util.TreeSet<>(all.byMethod().getOrDefault(type, List.of()));
    for (var creation : all.byCreation().getOrDefault(type, List.of())) {
      String owner = creation.ownerType().substring(creation.ownerType().lastIndexOf('.') + 1);
      if (definitions.stream().noneMatch(d -> d.startsWith(owner + "."))) {
        definitions.add(owner + " line " + creation.range().line());
      }
    }
    if (all.inXml().contains(type)) {
      definitions.add("a <bean> in XML configuration");
    }
    if (definitions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(type.substring(type.lastIndexOf('.') + 1) + " is also defined as a bean by "
        + String.join(", ", definitions)
        + ": every bean of the class would share one Spring cache keyed only by the parameters, so one bean's answer "
        + "would be served by the others");
  }

  /**
   * Spring caches need optkit's configuration in the application context that creates the bean. The
   * configuration goes to one scanned package; a bean outside it may come from another context
   * (XML configurations often scan controllers in a child context) or from nowhere optkit can see.
   */
  public Optional<String> outsideComponentScan(MethodFact fact) {
    String pkg = index.packageOfType(fact.ownerType());
    if (traits.scanPackage() == null) {
      if (!traits.existingSpringCaching()) {
        return Optional.empty(); // without a scan or caching the annotations stay inert: the migration notes it
      }
      List<String> elsewhere = ProjectTraits.scannersOf(index, pkg);
      if (!elsewhere.isEmpty()) {
        // the application that scans this module lives in another module: one context, several modules
        return Optional.of("its package " + pkg + " is scanned by " + elsewhere.get(0).substring(elsewhere.get(0)
            .lastIndexOf('.') + 1) + " in another Maven module, and optkit configures caches one module at a time: "
            + "a cache configuration in this module beside the application's own caching is not supported");
      }
      return Optional.of("the project caches with Spring already, but optkit finds no component scan "
          + "(@SpringBootApplication, @ComponentScan, <context:component-scan>) that would register its cache "
          + "resolver: @Cacheable naming that resolver would fail at run time. Add a component scan covering " + pkg);
    }
    if (!traits.scannedWithConfiguration(pkg)) {
      return Optional.of("its bean's package " + pkg + " is outside the component scan of " + traits.scanPackage()
          + ", where optkit's cache configuration goes: the bean may come from another application context "
          + "(scanned: " + String.join(", ", traits.scannedPackages()) + "), which would have no cache for it");
    }
    return Optional.empty();
  }

  /** The test classes' Spring contexts, as this project's tests make them. */
  public SpringTestClasses tests() {
    return tests;
  }

  /**
   * Outside Spring Boot, a caching proxy of a bean that implements interfaces is a JDK proxy of
   * those interfaces: a field or constructor parameter typed with the class itself would no
   * longer be satisfied, and the context would fail to start.
   */
  public Optional<String> injectedByClass(String beanType) {
    // a pass over every file of the project: once per bean class, not once per cached method and writer
    return injectedByClass.computeIfAbsent(beanType, this::findInjectionByClass);
  }

  private final Map<String, Optional<String>> injectedByClass = new java.util.HashMap<>();

  private Optional<String> findInjectionByClass(String beanType) {
    // Boot proxies classes (spring.aop.proxy-target-class defaults to true), whatever builds it: a
    // @SpringBootApplication runs under Boot's auto-configuration in a Gradle build too, unless the
    // project sets spring.aop.proxy-target-class (false: JDK proxies) or spring.aop.auto (false: no class
    // proxying forced, and @EnableCaching's JDK proxies)
    // Boot's parent or BOM alone only manages versions: a war a plain initializer or web.xml starts makes JDK proxies
    // (the plain-Spring review's (2026-11-29) f12)
    boolean boot = (!traits.applications().isEmpty() || startup.bootApplicationInProject()
        || traits.springBoot() && !startup.plainSpringStarted()) && !startup.aopConfigured();
    TypeFact bean = index.type(beanType).orElse(null);
    if (bean == null || bean.interfaces().stream().noneMatch(SpringBeans::proxiedInterface) || classProxiesForced()) {
      return Optional.empty();
    }
    if (!boot) {
      Optional<String> invoked = invokedOutsideInterfaces(bean);
      if (invoked.isPresent()) {
        return invoked;
      }
    }
    for (var file : index.files()) {
      boolean test = SourceSet.isTestPath(file.path());
      // a context the code makes itself (new AnnotationConfigApplicationContext(AppConfig.class)) runs without
      // Boot's auto-configuration, so with JDK proxies, in a Boot project too
      boolean ownContext = file.creations().stream().anyMatch(c -> CONTEXTS.contains(simpleName(c.type())));
      if (boot && !test && !ownContext) {
        continue; // under Boot a production file's fields, casts and lookups meet a class proxy, which satisfies them
      }
      for (TypeFact type : file.types()) {
        // a plain test context of the bean's class alone makes no caching proxy (a usefulness trial's
        // @ContextConfiguration(classes = CustomerServiceImpl.class) test injecting the class)
        if (test ? !tests.springTest(type) || boot && tests.bootTest(type) || tests.contextMakesNoCachingProxy(type)
            : boot) {
          // @InjectMocks CategoryServiceImpl service in a Mockito test: no context injects it; under Boot, only a
          // plain Spring test context (@SpringJUnitConfig, @ContextConfiguration) makes JDK proxies
          continue;
        }
        for (var field : type.fieldTypes().entrySet()) {
          if (field.getValue().equals(beanType) && !type.qualifiedName().equals(beanType)) {
            return Optional.of(proxyClash(bean, type.simpleName() + "." + field.getKey()));
          }
        }
        // List<CountryDao>, ObjectProvider<CountryDao>: the proxy fails those lookups too (hostile review 34's 2, 3)
        Optional<String> generic = type.qualifiedName().equals(beanType) ? Optional.empty()
            : unitMentioning.apply(file.path(), List.of(bean.simpleName()))
                .flatMap(unit -> ClassCasts.typeArgumentField(unit, bean, type.qualifiedName()));
        if (generic.isPresent()) {
          return Optional.of(proxyClash(bean, generic.get()));
        }
      }
      // and so does a plain Spring test context (@SpringJUnitConfig) in a Boot project: the test's lookups and casts too
      boolean plainTestContext = boot && test
          && file.types().stream().anyMatch(type -> tests.springTest(type) && !tests.bootTest(type)
              && !tests.contextMakesNoCachingProxy(type));
      boolean jdkProxies = !boot || ownContext || plainTestContext;
      if (jdkProxies) {
        // (CountryDao) countries anywhere in the file, into a local too: read from its tree
        Optional<String> cast = unitMentioning.apply(file.path(), List.of(bean.simpleName()))
            .flatMap(unit -> ClassCasts.in(unit, bean));
        if (cast.isPresent()) {
          return Optional.of(bean.simpleName() + " implements interfaces and is cast to its class or tested for it ("
              + cast.get() + "): " + JDK_PROXY + ", which is no " + bean.simpleName());
        }
        // Class<CountryDao> type = CountryDao.class; context.getBean(type), or a helper that does it (hostile review 34),
        // or a constant of another class holding it (Types.DAO)
        Optional<String> held = lookups.held(file.path(), bean);
        if (held.isPresent()) {
          return Optional.of(bean.simpleName() + " implements interfaces and is looked up by its class (" + held.get()
              + "): " + JDK_PROXY + ", and that lookup would fail");
        }
        // getBean(typeOf(kind)), getBean(Class.forName(name)): any bean may be the one looked up (hr36's l1-l7)
        Optional<String> computed = lookups.computed(file.path());
        if (computed.isPresent()) {
          return Optional.of(bean.simpleName() + " implements interfaces and the project looks beans up by a class it "
              + "computes (" + computed.get() + "), which may be " + bean.simpleName() + ": " + JDK_PROXY
              + ", and that lookup would fail");
        }
      }
      for (MethodFact method : file.methods()) {
        Optional<String> lookup = jdkProxies ? lookupByClass(file.path(), method, bean) : Optional.empty();
        if (lookup.isPresent()) {
          return lookup;
        }
        if (boot && !(test && index.type(method.ownerType())
            .map(owner -> tests.springTest(owner) && !tests.bootTest(owner)).orElse(false))) {
          continue;
        }
        if ((method.isConstructor() || method.hasAnnotation("org.springframework.context.annotation.Bean")
                || injectedMethod(method))
            && !method.ownerType().equals(beanType)
            && method.params().stream().anyMatch(p -> p.qualifiedType().equals(beanType)
                || typeArgumentNames(p.type(), beanType) && namesBeanInFile(file.path(), p.type(), bean))) {
          return Optional.of(proxyClash(bean, method.displayName() + "(...)"));
        }
      }
    }
    return Optional.empty();
  }

  /** Annotations on a bean's method that Spring calls on the bean it holds, which is the proxy. */
  private static final Set<String> INVOKED_ON_PROXY = Set.of("EventListener", "TransactionalEventListener", "Scheduled",
      "JmsListener", "KafkaListener", "RabbitListener", "SqsListener", "ManagedOperation", "ManagedAttribute");

  /**
   * A method of the bean Spring calls on the bean it holds ({@code @EventListener void seed(..)}, {@code @Scheduled},
   * a message listener, a JMX operation) that none of its interfaces declares: on a JDK proxy of them Spring cannot
   * call it, and the context fails to start (the plain-Spring review's (2026-11-29) f4, f4b: "Need to invoke method 'seed' declared on
   * target class"). An interface outside the project counts as not declaring it.
   */
  private Optional<String> invokedOutsideInterfaces(TypeFact bean) {
    for (var method : index.methodsOfType(bean.qualifiedName())) {
      var fact = method.fact();
      String annotation = fact.annotations().stream().map(a -> a.substring(a.lastIndexOf('.') + 1))
          .filter(INVOKED_ON_PROXY::contains).findFirst().orElse(null);
      if (annotation == null || fact.isStatic()) {
        continue;
      }
      boolean declared = bean.interfaces().stream().flatMap(i -> index.supertypesOf(i).stream())
          .anyMatch(i -> index.methodsOfType(i).stream().anyMatch(m -> m.fact().name().equals(fact.name())
              && m.fact().params().size() == fact.params().size()));
      if (!declared) {
        return Optional.of(bean.simpleName() + " implements interfaces and Spring calls its @" + annotation + " method "
            + fact.name() + "(), which none of them declares: " + JDK_PROXY + ", on which that call fails and the "
            + "context does not start");
      }
    }
    return Optional.empty();
  }

  /**
   * A method Spring calls with beans: an autowired one ({@code @Autowired void init(CountryDao d)}), or a setter, which
   * an XML {@code <property ref=...>} or by-type autowiring calls (hostile review 34's 1 and 4).
   */
  private static boolean injectedMethod(MethodFact method) {
    return INJECTING.stream().anyMatch(method::hasAnnotation) || !method.isStatic() && method.params().size() == 1
        && method.name().length() > 3 && method.name().startsWith("set") && Character.isUpperCase(method.name().charAt(3));
  }

  private static final Set<String> INJECTING = Set.of("org.springframework.beans.factory.annotation.Autowired",
      "jakarta.inject.Inject", "javax.inject.Inject", "jakarta.annotation.Resource", "javax.annotation.Resource");

  /**
   * Whether a text naming the bean's class by its simple name ({@code CountryDao.class}, {@code List<CountryDao>})
   * names the bean in that file: not another package's class of the name it imports or declares (hostile review 34's
   * 9 and 11: a refusal citing {@code legacy.CountryDao}). Written whole, or the file not at hand: taken as the bean.
   */
  private boolean namesBeanInFile(String path, String text, TypeFact bean) {
    return text.contains(bean.qualifiedName()) || unitMentioning.apply(path, List.of(bean.simpleName()))
        .map(unit -> ClassCasts.simpleNameIsBean(unit, bean)).orElse(true);
  }

  /**
   * Whether the project's Java configuration makes every proxy a class proxy: {@code @EnableCaching},
   * {@code @EnableTransactionManagement} or {@code @EnableAspectJAutoProxy} with {@code proxyTargetClass = true} sets
   * the one auto-proxy creator the caching proxies come from to proxy classes (hostile review 34's 12: such a bean was
   * refused as a JDK proxy, and its context starts with a class proxy).
   */
  private boolean classProxiesForced() {
    if (classProxiesForced == null) {
      // read from the configuration class's tree: the facts keep no such member
      classProxiesForced = index.types().stream().filter(type -> CLASS_PROXYING.stream().anyMatch(type::hasAnnotation))
          .anyMatch(type -> Optional.ofNullable(index.pathOfType(type.qualifiedName()))
              .flatMap(path -> unitMentioning.apply(path, List.of("proxyTargetClass")))
              .map(unit -> ClassCasts.forcesClassProxies(unit, type.qualifiedName(), CLASS_PROXYING)).orElse(false));
    }
    return classProxiesForced;
  }

  private Boolean classProxiesForced;

  private static final Set<String> CLASS_PROXYING = Set.of("org.springframework.cache.annotation.EnableCaching",
      "org.springframework.transaction.annotation.EnableTransactionManagement",
      "org.springframework.context.annotation.EnableAspectJAutoProxy");

  /**
   * A parameter whose type argument is the bean's class ({@code ObjectProvider<ItemService>},
   * {@code Provider<ItemService>}, {@code List<ItemService>}): the proxy fails that lookup too.
   */
  private static boolean typeArgumentNames(String writtenType, String beanType) {
    String simple = beanType.substring(beanType.lastIndexOf('.') + 1);
    // a type JavaParser cannot read may name it: the file's tree decides (namesBeanInFile)
    return dev.optkit.analyzers.facts.types.TypeNames.typeArgumentNames(writtenType)
        .map(names -> names.contains(simple) || names.contains(beanType)).orElse(true);
  }

  /** Interfaces Spring's proxy factory implements: all but callbacks (InitializingBean, *Aware...) and markers. */
  private static boolean proxiedInterface(String type) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    return !Set.of("InitializingBean", "DisposableBean", "Closeable", "AutoCloseable", "Serializable", "Cloneable")
        .contains(simple) && !simple.endsWith("Aware");
  }

  /** The application contexts code makes with {@code new}, outside Boot's auto-configuration. */
  private static final Set<String> CONTEXTS = Set.of("AnnotationConfigApplicationContext",
      "ClassPathXmlApplicationContext", "FileSystemXmlApplicationContext", "GenericApplicationContext",
      "GenericXmlApplicationContext", "GenericGroovyApplicationContext", "AnnotationConfigWebApplicationContext",
      "XmlWebApplicationContext", "StaticApplicationContext");

  /**
   * A lookup naming the bean's class ({@code context.getBean(CountryDao.class)}), or its bean name, whose
   * answer the code may cast to the class ({@code (CountryDao) context.getBean("countryDao")}). The class is read from
   * the class literals the call is given ({@link dev.optkit.analyzers.facts.CallRef#classLiterals()}): written whole as
   * the bean's, or by its simple name where the file's tree says that name is the bean's ({@link #namesBeanInFile});
   * the name from the string literals ({@link dev.optkit.analyzers.facts.CallRef#constants()}).
   */
  private Optional<String> lookupByClass(String path, MethodFact method, TypeFact bean) {
    var beanName = new dev.optkit.analyzers.facts.ArgumentConstant.Text(
        Character.toLowerCase(bean.simpleName().charAt(0)) + bean.simpleName().substring(1));
    for (var call : java.util.stream.Stream.concat(method.calls().stream(), method.opaqueCalls().stream()).toList()) {
      String snippet = call.snippet();
      if (snippet == null || !BeanLookups.LOOKUPS.contains(call.name())) {
        continue;
      }
      String where = method.displayName() + ": " + snippet.strip();
      boolean byClass = call.classLiterals().stream().anyMatch(literal -> literal.written().equals(bean.qualifiedName())
          || literal.written().equals(bean.simpleName()) && namesBeanInFile(path, literal.written(), bean));
      if (byClass) {
        return Optional.of(bean.simpleName() + " implements interfaces and is looked up by its class (" + where
            + "): " + JDK_PROXY + ", and that lookup would fail");
      }
      if (call.name().equals("getBean") && call.constants().contains(beanName)) {
        return Optional.of(bean.simpleName() + " implements interfaces and is looked up by its bean name (" + where
            + "), which code may cast to its class: " + JDK_PROXY + ", and that cast would fail");
      }
    }
    return Optional.empty();
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static String proxyClash(TypeFact bean, String where) {
    return bean.simpleName() + " implements interfaces and is injected by its class (" + where + "): " + JDK_PROXY
        + " and that injection would fail";
  }
}

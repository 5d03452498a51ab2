package dev.optkit.analyzers.index;

import java.util.Set;

/**
 * The library annotations that make a class a Spring component the container creates once and proxies: Spring's
 * stereotypes, and other libraries' annotations meta-annotated with {@code @Component} that projects use in their
 * place (Spring Shell's {@code @ShellComponent}: trial 73's command classes were read as plain Java and their caches
 * could not be evicted by the repositories' writers). A project's own meta-annotations are its own types.
 */
public final class SpringStereotypes {
  /** Components whose methods hold the application's logic: services, repositories, shell commands. */
  public static final Set<String> SERVICES = Set.of("org.springframework.stereotype.Service",
      "org.springframework.stereotype.Component", "org.springframework.stereotype.Repository",
      "org.springframework.shell.standard.ShellComponent");

  /** Every component: the services and the web controllers. */
  public static final Set<String> COMPONENTS = Set.of("org.springframework.stereotype.Service",
      "org.springframework.stereotype.Component", "org.springframework.stereotype.Repository",
      "org.springframework.shell.standard.ShellComponent", "org.springframework.stereotype.Controller",
      "org.springframework.web.bind.annotation.RestController");

  private SpringStereotypes() {}
}

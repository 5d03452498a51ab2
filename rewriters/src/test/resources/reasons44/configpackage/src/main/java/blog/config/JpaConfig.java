package blog.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The project keeps its configuration here; an architecture rule of its own says it must. */
@Configuration
@EnableJpaRepositories("blog")
public class JpaConfig {}

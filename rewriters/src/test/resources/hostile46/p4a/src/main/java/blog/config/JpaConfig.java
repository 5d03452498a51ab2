package blog.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class JpaConfig {
    @Bean
    public String jpaconfigMarker() { return "JpaConfig"; }
}

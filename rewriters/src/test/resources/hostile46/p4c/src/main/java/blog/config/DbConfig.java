package blog.config;

import org.springframework.context.annotation.Configuration;

@Configuration
public class DbConfig {
}

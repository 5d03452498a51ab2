package blog;

import blog.config.JpaConfig;
import blog.config.WebConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/** Configuration is imported explicitly (one list to read), never scanned. */
@SpringBootApplication
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "blog\\.config\\..*"))
@Import({WebConfig.class, JpaConfig.class})
public class BlogApplication {
    public static void main(String[] args) { SpringApplication.run(BlogApplication.class, args); }
}

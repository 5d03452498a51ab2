package shop;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.*;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewFilter;
@Configuration
public class WebConfig {
    @Bean ServletContextInitializer lazyViews() {
        return servletContext -> servletContext.addFilter("lazyViews", OpenEntityManagerInViewFilter.class)
            .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}

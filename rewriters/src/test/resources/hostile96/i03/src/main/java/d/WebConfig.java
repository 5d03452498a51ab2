package d;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
@Configuration
public class WebConfig implements WebMvcConfigurer {
    private final DepartmentRepository repo;
    public WebConfig(DepartmentRepository repo) { this.repo = repo; }
    /** ?dept=<id> parameters arrive as a checked reference: the department must exist. */
    @Override public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, DeptRef.class, id -> new DeptRef(repo.findById(Long.valueOf(id)).orElseThrow().getId()));
    }
    public record DeptRef(Long id) {}
}

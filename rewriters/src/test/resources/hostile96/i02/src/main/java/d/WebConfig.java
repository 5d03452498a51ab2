package d;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
@Configuration
public class WebConfig implements WebMvcConfigurer {
    private final DepartmentRepository repo;
    public WebConfig(DepartmentRepository repo) { this.repo = repo; }
    @Override public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor locale = new LocaleChangeInterceptor() {
            @Override public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
                String dept = req.getHeader("X-Dept");
                return dept == null || repo.findById(Long.valueOf(dept)).isPresent();
            }
        };
        registry.addInterceptor(locale).order(10);
    }
}

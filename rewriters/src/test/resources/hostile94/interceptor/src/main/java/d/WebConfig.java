package d;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
@Configuration
public class WebConfig implements WebMvcConfigurer {
    private final DepartmentRepository repo;
    public WebConfig(DepartmentRepository repo) { this.repo = repo; }
    @Override public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
                // the caller's department must exist
                String dept = req.getHeader("X-Dept");
                return dept == null || repo.findById(Long.valueOf(dept)).isPresent();
            }
        }).order(10); // after open-session-in-view, so lazy associations of what it loads stay readable
    }
}

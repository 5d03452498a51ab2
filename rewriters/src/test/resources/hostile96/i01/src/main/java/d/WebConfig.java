package d;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.WebContentInterceptor;
@Configuration
public class WebConfig implements WebMvcConfigurer {
    private final DepartmentRepository repo;
    public WebConfig(DepartmentRepository repo) { this.repo = repo; }
    @Override public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DeptCheck(repo)).order(10); // after open-session-in-view
    }
    /** Cache headers, and the caller's department must exist. */
    static class DeptCheck extends WebContentInterceptor {
        private final DepartmentRepository repo;
        DeptCheck(DepartmentRepository repo) { this.repo = repo; }
        @Override public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) throws ServletException {
            String dept = req.getHeader("X-Dept");
            return super.preHandle(req, res, handler) && (dept == null || repo.findById(Long.valueOf(dept)).isPresent());
        }
    }
}

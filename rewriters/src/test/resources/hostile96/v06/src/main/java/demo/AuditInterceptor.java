package demo;
import jakarta.servlet.http.*;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.*;
import org.springframework.web.servlet.config.annotation.*;
@Configuration
public class AuditInterceptor implements HandlerInterceptor, WebMvcConfigurer {
    private final OwnerRepository owners;
    public AuditInterceptor(OwnerRepository owners) { this.owners = owners; }
    @Override public void addInterceptors(InterceptorRegistry registry) { registry.addInterceptor(this); }
    @Override public void postHandle(HttpServletRequest req, HttpServletResponse res, Object handler, ModelAndView mv) {
        String to = req.getParameter("to");
        if (to != null) System.out.println("AUDIT owners now named " + to + ": " + owners.findByLastName(to).size());
    }
}

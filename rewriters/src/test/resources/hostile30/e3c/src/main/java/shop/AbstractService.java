package shop;
import org.springframework.context.ApplicationContext;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class AbstractService {
    protected final ApplicationContext ctx;
    protected AbstractService(ApplicationContext ctx) { this.ctx = ctx; }
    protected <R extends JpaRepository<?, Long>> R repo(Class<R> type) { return ctx.getBean(type); }
}

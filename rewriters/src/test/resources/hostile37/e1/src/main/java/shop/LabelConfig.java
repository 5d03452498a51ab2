package shop;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
@Configuration
public class LabelConfig {
    @Bean Labeler labeler() { AtomicInteger n = new AtomicInteger(); return () -> "#" + n.incrementAndGet(); }
}

package shop;
import org.springframework.cache.annotation.Cacheable;
public interface CatApi {
    @Cacheable("cats")
    String name(Long id);
}

package shop;
import org.springframework.cache.annotation.Cacheable;
public interface CatApi {
    @org.springframework.cache.annotation.Caching(evict = @org.springframework.cache.annotation.CacheEvict(cacheNames = "other", allEntries = true))
    String name(Long id);
}

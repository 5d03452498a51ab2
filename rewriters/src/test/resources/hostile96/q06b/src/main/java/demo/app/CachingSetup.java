package demo.app;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
/** The application's own caches. */
@Configuration
@EnableCaching
public class CachingSetup {
    @Bean
    public CacheManager cacheManager() {
        return new ConcurrentMapCacheManager("vets");
    }
}

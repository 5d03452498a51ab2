package r;
@org.springframework.context.annotation.Configuration @org.springframework.cache.annotation.EnableCaching public class CacheConfig {}

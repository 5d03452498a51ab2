package r;

import java.util.List;
import org.springframework.cache.annotation.Cacheable;

// The authors cache on the interface method (Spring finds it through the type hierarchy).
public interface IconService {
    @Cacheable("ICONS")
    List<String> names();
}
